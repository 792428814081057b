import type Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase, storeFileKind, useRedlineCipher } from './database';
import { reasonOf, sqliteCode, StoreError } from './store-error';

export { storeFileKind } from './database';

/** The shortest passphrase a store accepts (in characters). */
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * What is wrong with a passphrase someone wants to set, or null. It never quotes the passphrase.
 * One line, because a passphrase file gives its first line.
 */
export function passphraseProblem(passphrase: string): string | null {
  if (characters(passphrase) < MIN_PASSPHRASE_LENGTH)
    return `a passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`;
  if (/[\r\n]/.test(passphrase)) return 'a passphrase is one line: it cannot contain a line break';
  return null;
}

/** Characters as a person counts them (an accented letter or an emoji is one). */
function characters(text: string): number {
  return Array.from(new Intl.Segmenter().segment(text)).length;
}

/**
 * Adds, changes or removes the store's passphrase (`null` = a plain, unencrypted file) and checks
 * the result by opening the file again with `next`. Rekeying rewrites every page in one
 * transaction under a rollback journal (the library refuses to rekey in WAL mode), so the file
 * switches to `journal_mode = DELETE` for it and back to WAL after. A missing store is created
 * first. Throws a StoreError, with the file as it was, when `current` does not open it, when
 * another process (a running Redline) has it open, or when `next` is not acceptable.
 */
export function changePassphrase(path: string, current: string | null, next: string | null): void {
  const what = `could not change the passphrase of the store at ${path}`;
  if (next !== null) {
    const problem = passphraseProblem(next);
    if (problem !== null) throw new StoreError(`${what}: ${problem}`);
  }
  const kind = storeFileKind(path);
  if (current === null && next === null && kind !== 'encrypted')
    throw new StoreError(`${what}: it has no passphrase to remove`);
  if (current !== null && kind === 'new') throw new StoreError(`${what}: there is no store yet`);

  const db = open(path, current, what);
  try {
    const mode = inUse(what, () => db.pragma('journal_mode = DELETE', { simple: true }));
    if (mode !== 'delete') throw new StoreError(`${what}: ${IN_USE}`);
    rekey(db, next, what);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  verify(path, next, what);
}

const IN_USE = 'another program has it open (close Redline first, then try again)';

function open(path: string, passphrase: string | null, what: string): Database.Database {
  try {
    return openDatabase(path, { passphrase: passphrase ?? undefined });
  } catch (error) {
    if (error instanceof StoreError && sqliteCode(error.cause) === 'SQLITE_BUSY')
      throw new StoreError(`${what}: ${IN_USE}`, { cause: error });
    throw error;
  }
}

/** Runs a step that needs the file to itself: SQLITE_BUSY means someone else has it open. */
function inUse<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (sqliteCode(error)?.startsWith('SQLITE_BUSY') === true)
      throw new StoreError(`${what}: ${IN_USE}`, { cause: error });
    throw new StoreError(`${what}: ${reasonOf(error)}`, { cause: error });
  }
}

function rekey(db: Database.Database, next: string | null, what: string): void {
  // The cipher pragmas again, so encrypting a plain store uses Redline's cipher, not the default.
  if (next !== null) useRedlineCipher(db);
  const key = next === null ? Buffer.alloc(0) : Buffer.from(next, 'utf8');
  try {
    inUse(what, () => db.rekey(key));
  } finally {
    key.fill(0);
  }
}

/** Opens the file again with the new passphrase alone, and checks its header says what it is. */
function verify(path: string, next: string | null, what: string): void {
  try {
    openDatabase(path, { passphrase: next ?? undefined }).close();
  } catch (error) {
    throw new StoreError(
      `${what}: the change was made, but the store did not open afterwards (${reasonOf(error)})`,
      { cause: error },
    );
  }
  const expected = next === null ? 'plain' : 'encrypted';
  if (storeFileKind(path) !== expected)
    throw new StoreError(`${what}: the change was made, but the file is not ${expected}`);
}

/**
 * Whether `passphrase` opens the encrypted store at `path` (opened the way the server opens it,
 * then closed). A wrong passphrase is false and writes nothing; any other failure is thrown.
 */
export function opensWith(path: string, passphrase: string): boolean {
  try {
    openDatabase(path, { passphrase }).close();
    return true;
  } catch (error) {
    if (error instanceof StoreError && sqliteCode(error.cause) === 'SQLITE_NOTADB') return false;
    throw error;
  }
}
