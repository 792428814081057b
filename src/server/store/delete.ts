import { existsSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Result } from '../../core';
import { databasePath } from './data-dir';
import { lockFileOf } from './data-lock';
import { reasonOf, sqliteCode } from './store-error';

/** How long to wait for another process's lock before saying the store is in use. */
const IN_USE_TIMEOUT_MS = 250;

/**
 * What Redline keeps in a data folder: the database, the files SQLite keeps beside it while it
 * works (the write-ahead log, its index, a rollback journal), and the running server's lock
 * (data-lock.ts; one a crash left behind is deleted with the rest). Nothing else is written there.
 */
export function dataFiles(dataDir: string): string[] {
  const db = databasePath(dataDir);
  return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, lockFileOf(db)];
}

export type DeletedFile = Readonly<{ path: string; bytes: number }>;
export type DeleteSummary = Readonly<{
  files: readonly DeletedFile[];
  /** True if the folder was left empty and removed too. */
  removedDir: boolean;
}>;

/** The files that exist now, with their sizes: what deleteAll would remove. */
export function existingDataFiles(dataDir: string): DeletedFile[] {
  return dataFiles(dataDir).flatMap((path) => {
    try {
      return [{ path, bytes: statSync(path).size }];
    } catch {
      return [];
    }
  });
}

/**
 * Deletes everything Redline keeps in `dataDir`, for good: the files are removed (unlinked),
 * not emptied or overwritten, so the file system frees their space. Overwriting first would
 * promise more than it does: SSDs and journaling or copy-on-write file systems write elsewhere
 * and keep old blocks (docs/data.md). Refused, with nothing deleted, while another connection
 * (a running server) has the database open. The folder itself goes too if nothing else is in it.
 */
export function deleteAll(dataDir: string): Result<DeleteSummary> {
  const database = databasePath(dataDir);
  // Listed first: the lock probe may itself tidy a left-over WAL away.
  const files = existingDataFiles(dataDir);
  if (existsSync(database)) {
    const inUse = heldByAnother(database);
    if (inUse !== null) return { ok: false, errors: [inUse] };
  }
  const errors: string[] = [];
  for (const path of dataFiles(dataDir)) {
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        errors.push(`could not delete ${path}: ${reasonOf(error)}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { files, removedDir: removeIfEmpty(dataDir) } };
}

/**
 * Null if this process can take the database for itself; otherwise why not. Every connection to
 * a store in WAL mode holds a shared lock on the file while it is open, idle or not, so an
 * exclusive lock is refused (SQLITE_BUSY) for as long as a server has it open. An encrypted file
 * without its key gets as far as taking the lock and then fails to read (SQLITE_NOTADB): not in
 * use, and deleting it needs no key.
 */
function heldByAnother(database: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(database, { timeout: IN_USE_TIMEOUT_MS, fileMustExist: true });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return null;
  } catch (error) {
    const code = sqliteCode(error) ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      return (
        `${database} is in use by Redline (or another program): close Redline first, ` +
        'then delete again. Nothing was deleted.'
      );
    return null;
  } finally {
    db?.close();
  }
}

function removeIfEmpty(dir: string): boolean {
  try {
    if (readdirSync(dir).length > 0) return false;
    rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}
