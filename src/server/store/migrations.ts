import type Database from 'better-sqlite3';
import { StoreError } from './store-error';

/**
 * The schema as an ordered list of steps. The database's `PRAGMA user_version` says how many have
 * been applied, so opening an older file brings it up to date, one transaction per step. A step,
 * once released, is never edited: a change is a new step at the end.
 */
export type Migration = Readonly<{ version: number; what: string; sql: string }>;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    what: 'scenes, their participants, pairing codes and event logs',
    // STRICT tables refuse a value of the wrong type instead of storing it anyway. A scene's
    // event count is read from its events (MAX(n) on the primary key), so an append writes
    // exactly one row and the count can never disagree with the log.
    sql: `
      CREATE TABLE scenes (
        scene_id TEXT PRIMARY KEY,
        created_wall_ms INTEGER NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('pair', 'solo')),
        agreement_hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed'))
      ) STRICT;
      CREATE INDEX scenes_newest_first ON scenes (created_wall_ms DESC);

      CREATE TABLE participants (
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('dominant', 'submissive')),
        secret_hash TEXT NOT NULL UNIQUE,
        last_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        PRIMARY KEY (scene_id, role)
      ) STRICT;

      CREATE TABLE pairing_codes (
        code_hash TEXT PRIMARY KEY,
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('dominant', 'submissive')),
        expires_wall_ms INTEGER NOT NULL,
        used_wall_ms INTEGER
      ) STRICT;
      CREATE INDEX pairing_codes_by_scene ON pairing_codes (scene_id);

      CREATE TABLE events (
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        n INTEGER NOT NULL CHECK (n >= 1),
        type TEXT NOT NULL,
        at INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (scene_id, n)
      ) STRICT, WITHOUT ROWID;
    `,
  },
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

export function schemaVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error('PRAGMA user_version is always a number');
  return version;
}

/**
 * Refuses a database written by a newer Redline, before anything writes to it: this code cannot
 * know what the newer steps changed, and guessing could lose what is stored there.
 */
export function refuseNewer(
  db: Database.Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const version = schemaVersion(db);
  const known = latestVersion(migrations);
  if (version > known)
    throw new StoreError(
      `the store at ${path} was written by a newer version of Redline (schema ${version}; ` +
        `this version knows up to ${known}). It was left untouched: update Redline to open it.`,
    );
}

/**
 * Applies every step the database lacks, in order, each with its version in one transaction: a
 * step that fails leaves the database as it was. IMMEDIATE takes the write lock before reading
 * the version, so two processes opening the same file cannot apply a step twice. Returns the
 * versions applied.
 */
export function migrate(
  db: Database.Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${i + 1} is numbered ${m.version}`);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      refuseNewer(db, path, migrations);
      if (schemaVersion(db) >= migration.version) return false;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}
