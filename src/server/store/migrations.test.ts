import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrate, MIGRATIONS, schemaVersion, type Migration } from './migrations';
import { openStore } from './store';
import { StoreError } from './store-error';
import { useTempStores } from './temp-store.test-support';

const tables = (db: Database.Database) =>
  db
    .prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all();

describe('migrations', () => {
  const stores = useTempStores();

  it('are numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring an empty file up to the latest schema', () => {
    writeFileSync(stores.path(), '');
    stores.open().close();
    const db = new Database(stores.path());
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(tables(db)).toEqual([
      'agreements',
      'answers',
      'debriefs',
      'drafts',
      'event_journal',
      'events',
      'follow_ups',
      'invitations',
      'negotiation_participants',
      'negotiations',
      'pairing_codes',
      'participants',
      'readings',
      'scenes',
      'signatures',
      'stop_timings',
    ]);
    db.close();
  });

  it('apply nothing when the store is reopened', () => {
    stores.open().close();
    const db = new Database(stores.path());
    const before = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db, stores.path())).toEqual([]);
    db.close();
    stores.open().close();
    const again = new Database(stores.path());
    expect(again.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(before);
    expect(schemaVersion(again)).toBe(latestVersion());
    again.close();
  });

  it('bring an older database up to date, applying only the steps it lacks', () => {
    const first = MIGRATIONS[0];
    if (first === undefined) throw new Error('no migrations');
    const next: Migration = { version: 2, what: 'notes', sql: 'CREATE TABLE notes (t TEXT)' };
    const db = new Database(stores.path());
    expect(migrate(db, stores.path(), [first])).toEqual([1]);
    expect(migrate(db, stores.path(), [first, next])).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toContain('notes');
    db.close();
  });

  it('roll a failing step back whole, version included', () => {
    const first = MIGRATIONS[0];
    if (first === undefined) throw new Error('no migrations');
    const broken: Migration = {
      version: 2,
      what: 'broken',
      sql: 'CREATE TABLE half (t TEXT); SELECT * FROM no_such_table;',
    };
    const db = new Database(stores.path());
    migrate(db, stores.path(), [first]);
    expect(() => migrate(db, stores.path(), [first, broken])).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('refuse a database newer than this code, and leave it untouched', () => {
    const path = stores.path();
    const db = new Database(path);
    db.exec('CREATE TABLE future (x TEXT)');
    db.pragma(`user_version = ${latestVersion() + 1}`);
    db.close();
    const bytes = readFileSync(path);

    const open = () => openStore({ path });
    expect(open).toThrow(StoreError);
    expect(open).toThrow(
      new RegExp(
        `newer version of Redline \\(schema ${latestVersion() + 1}; .* up to ${latestVersion()}\\)`,
      ),
    );
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuse a file that is not a database, naming it', () => {
    writeFileSync(stores.path(), 'these are not the pages you are looking for'.repeat(100));
    expect(() => stores.open()).toThrow(
      `could not open the store at ${stores.path()}: it is encrypted and needs its passphrase, ` +
        'or it is not a Redline store',
    );
  });
});
