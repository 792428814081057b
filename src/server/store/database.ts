import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate, refuseNewer } from './migrations';
import { reasonOf, StoreError } from './store-error';

/**
 * How long a write waits for another connection's lock before it fails. Short, because appends
 * run inside the scene loop: a stuck store should surface as an error the server acts on, not as
 * a frozen scene.
 */
export const BUSY_TIMEOUT_MS = 2000;

/**
 * Opens (creating the folder and file if missing) and migrates the database at `path`. Throws a
 * StoreError naming the file if it cannot be opened, is not a Redline database, or is newer than
 * this code.
 */
export function openDatabase(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // Before any pragma that writes: a newer file is refused exactly as it was found.
    refuseNewer(db, path);
    db.pragma('foreign_keys = ON');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new StoreError(
        `the store at ${path} cannot use write-ahead logging (its journal mode stayed ` +
          `${String(mode)}); a network or read-only folder cannot hold Redline's store`,
      );
    // FULL: every commit is synced to disk before it returns, so an acknowledged event survives
    // a power cut, not only a crash of the process (S7).
    db.pragma('synchronous = FULL');
    migrate(db, path);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`could not open the store at ${path}: ${reasonOf(error)}`, {
      cause: error,
    });
  }
}
