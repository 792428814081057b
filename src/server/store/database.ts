import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate, refuseNewer } from './migrations';
import { reasonOf, sqliteCode, StoreError } from './store-error';

/**
 * How long a write waits for another connection's lock before it fails. Short, because appends
 * run inside the scene loop: a stuck store should surface as an error the server acts on, not as
 * a frozen scene.
 */
export const BUSY_TIMEOUT_MS = 2000;

export type OpenOptions = Readonly<{
  /** Encrypts the whole file (pages and WAL) with a key derived from it (decision 0014). */
  passphrase?: string | undefined;
}>;

/**
 * Opens (creating the folder and file if missing) and migrates the database at `path`; with a
 * passphrase, an encrypted one (a new file is created encrypted). Throws a StoreError naming the
 * file if it cannot be opened, is locked by a passphrase it was not given, is not a Redline
 * database, or is newer than this code. The passphrase never appears in an error.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // The key before the first read: nothing of an encrypted file can be read without it.
    if (options.passphrase !== undefined) keyDatabase(db, options.passphrase);
    // Before any pragma that writes: a newer file is refused exactly as it was found. Also the
    // first read, so a wrong passphrase (or none) fails here, with nothing written.
    refuseNewer(db, path);
    db.pragma('foreign_keys = ON');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new StoreError(
        `the store at ${path} cannot use write-ahead logging (its journal mode stayed ` +
          `${String(mode)}); a network or read-only folder cannot hold Redline's store`,
      );
    // FULL: every commit is synced to disk before it returns, so an acknowledged event survives
    // a power cut, not only a crash of the process (S7). Group commits alone are written with
    // NORMAL and synced just after, off the event loop (journal.ts, decision 0019).
    db.pragma('synchronous = FULL');
    migrate(db, path);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    if (sqliteCode(error) === 'SQLITE_NOTADB')
      throw new StoreError(lockedMessage(path, options.passphrase !== undefined), {
        cause: error,
      });
    throw new StoreError(`could not open the store at ${path}: ${reasonOf(error)}`, {
      cause: error,
    });
  }
}

/**
 * A wrong key, no key for an encrypted file, and a file that is not SQLite at all look the same
 * to SQLite (SQLITE_NOTADB on the first read), so the message names every case. A plain store
 * given a passphrase is told apart by its header.
 */
function lockedMessage(path: string, withPassphrase: boolean): string {
  if (!withPassphrase)
    return (
      `could not open the store at ${path}: it is encrypted and needs its passphrase, or it is ` +
      'not a Redline store'
    );
  let kind: ReturnType<typeof storeFileKind> | null = null;
  try {
    kind = storeFileKind(path);
  } catch {
    // Unreadable now: the general message below still holds.
  }
  return kind === 'plain'
    ? `could not open the store at ${path}: it is not encrypted, so it opens without a ` +
        'passphrase (add one to it first to encrypt it)'
    : `could not open the store at ${path}: wrong passphrase, or not a Redline store`;
}

/** The first 16 bytes of every plain SQLite file; an encrypted one starts with its random salt. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What the file at `path` is, from its first bytes alone (nothing is opened or written):
 * `new` (missing or empty: it would be created), `plain` (an unencrypted SQLite file) or
 * `encrypted` (anything else: an encrypted store, or a file that is not SQLite at all).
 */
export function storeFileKind(path: string): 'new' | 'plain' | 'encrypted' {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    throw error;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'new';
    return read === head.length && head.equals(SQLITE_HEADER) ? 'plain' : 'encrypted';
  } finally {
    closeSync(fd);
  }
}

/**
 * The cipher and its key derivation, every parameter pinned: the file keeps only its salt, so a
 * default changed by a later release of the library would otherwise lock every store (0014).
 * AEGIS-256; Argon2id with 2 passes, 19 MiB, 1 lane.
 */
export const REDLINE_CIPHER_PRAGMAS: readonly string[] = [
  "cipher = 'aegis'",
  "algorithm = 'aegis-256'",
  'tcost = 2',
  'mcost = 19456',
  'pcost = 1',
];

export function useRedlineCipher(db: Database.Database): void {
  for (const pragma of REDLINE_CIPHER_PRAGMAS) db.pragma(pragma);
}

/** The cipher, then the key: as bytes, never in SQL text; the copy is wiped once handed over. */
export function keyDatabase(db: Database.Database, passphrase: string): void {
  useRedlineCipher(db);
  const key = Buffer.from(passphrase, 'utf8');
  try {
    db.key(key);
  } finally {
    key.fill(0);
  }
}
