import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { fillStore, SCENE_ID } from './data.test-support';
import { exportAll, exportDatabase, formatExport } from './export';
import { latestVersion } from './migrations';
import { schemaAt } from './schema-info';
import { useTempStores } from './temp-store.test-support';

const EXPORTED_AT = new Date('2026-11-29T12:00:00.000Z');

/** The tables as SQLite lists them, SQLite's own left out. */
function tablesIn(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare<[], string>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
      )
      .pluck()
      .all();
  } finally {
    db.close();
  }
}

describe('exportAll [P4]', () => {
  const stores = useTempStores();

  it('exports every table of the schema, and every one of them has rows in the fixture', () => {
    const path = stores.path();
    fillStore(path);
    const data = exportAll(path, { exportedAt: EXPORTED_AT });
    expect(data).toMatchObject({
      format: 'redline-export',
      version: 1,
      exportedAt: '2026-11-29T12:00:00.000Z',
      schemaVersion: latestVersion(),
    });
    // A table added by a new migration must show up here, and the fixture must fill it, or the
    // round trip below would prove nothing about it.
    expect(Object.keys(data.tables).sort()).toEqual(tablesIn(path).sort());
    const empty = Object.entries(data.tables).filter(([, rows]) => rows.length === 0);
    expect(empty.map(([name]) => name)).toEqual([]);
  });

  it('keeps rows exactly as stored: JSON columns stay their text, every column is there', () => {
    const path = stores.path();
    fillStore(path);
    const data = exportAll(path);
    const db = new Database(path, { readonly: true });
    try {
      const stored = db
        .prepare<[string], { n: number; json: string }>(
          'SELECT n, json FROM events WHERE scene_id = ? ORDER BY n',
        )
        .all(SCENE_ID);
      expect(data.tables['events']?.map((r) => r['json'])).toEqual(stored.map((r) => r.json));
      const agreement = db.prepare<[], { json: string }>('SELECT json FROM agreements').get();
      expect(data.tables['agreements']?.[0]?.['json']).toBe(agreement?.json);
      expect(data.tables['scenes']?.[0]).toEqual({
        scene_id: SCENE_ID,
        created_wall_ms: 10_000,
        mode: 'pair',
        agreement_hash: expect.stringMatching(/.+/) as unknown,
        status: 'closed',
        negotiation_id: 'negotiation-data',
      });
      expect(data.tables['readings']?.[0]).toEqual({
        scene_id: SCENE_ID,
        at: 2_000,
        kind: 'pressure',
        value: 1_012.5,
      });
    } finally {
      db.close();
    }
  });

  it('lists parents before the tables that refer to them', () => {
    const path = stores.path();
    fillStore(path);
    const names = Object.keys(exportAll(path).tables);
    const before = (a: string, b: string) => names.indexOf(a) < names.indexOf(b);
    expect(before('scenes', 'events')).toBe(true);
    expect(before('scenes', 'readings')).toBe(true);
    expect(before('negotiations', 'negotiation_participants')).toBe(true);
    expect(before('negotiation_participants', 'answers')).toBe(true);
  });

  it('formats one JSON document that reads back to the same export', () => {
    const path = stores.path();
    fillStore(path);
    const data = exportAll(path);
    const text = formatExport(data);
    expect(JSON.parse(text)).toEqual(data);
    expect(text).toContain('\n      {"scene_id":"scene-data","n":1,');
    const db = new Database(':memory:');
    try {
      expect(formatExport(exportDatabase(db, EXPORTED_AT))).toBe(
        '{\n  "format": "redline-export",\n  "version": 1,\n' +
          '  "exportedAt": "2026-11-29T12:00:00.000Z",\n  "schemaVersion": 0,\n  "tables": {}\n}\n',
      );
    } finally {
      db.close();
    }
  });

  it('refuses a missing store and creates nothing', () => {
    const path = stores.path('none.sqlite');
    expect(() => exportAll(path)).toThrow(`there is no Redline store at ${path}`);
    expect(existsSync(path)).toBe(false);
  });
});

describe('docs/data.md', () => {
  it('names every table an export holds', () => {
    const docs = readFileSync(new URL('../../../docs/data.md', import.meta.url), 'utf8');
    for (const table of schemaAt(latestVersion())) expect(docs).toContain(`\`${table.name}\``);
  });
});
