import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillStore, SCENE_ID } from './data.test-support';
import { exportAll, importAll, type RedlineExport } from './export';
import type { ExportRow } from './export-format';
import { latestVersion } from './migrations';
import { openStore } from './store';
import { addScene, useTempStores } from './temp-store.test-support';

type Mutable = { -readonly [K in keyof RedlineExport]: RedlineExport[K] } & {
  tables: Record<string, Record<string, unknown>[]>;
};

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('importAll [P4]: an export file is untrusted', () => {
  const stores = useTempStores();

  /** A filled store's export, as a plain object to spoil. */
  let sources = 0;
  function exported(): Mutable {
    sources += 1;
    const source = stores.path(`source-${sources}.sqlite`);
    fillStore(source);
    return structuredClone(exportAll(source)) as Mutable;
  }

  /** Imports into a store that already holds another scene; checks nothing changed. */
  let targets = 0;
  function refused(input: unknown): string[] {
    targets += 1;
    const target = stores.path(`target-${targets}.sqlite`);
    const store = stores.open(`target-${targets}.sqlite`);
    addScene(store, 'already-here');
    store.close();
    const before = digest(target);
    const result = importAll(target, input);
    expect(digest(target)).toBe(before);
    expect(existsSync(`${target}-wal`)).toBe(false);
    if (result.ok) throw new Error('the import was accepted');
    return result.errors;
  }

  it('refuses what is not a Redline export, naming the field', () => {
    expect(refused([1, 2])).toEqual(['(root): must be an object']);
    expect(refused({ format: 'something-else', version: 1 })).toEqual([
      'format: must be "redline-export" (this is not a Redline export)',
      'exportedAt: is required',
      'schemaVersion: is required',
      'tables: is required',
    ]);
    const data = exported();
    expect(refused({ ...data, version: 2 })).toEqual([
      'version: must be 1: this export format is not one this Redline reads',
    ]);
    expect(refused({ ...data, extra: true })).toEqual(['(root): unknown key: "extra"']);
    const nowhere = stores.path('not-created.sqlite');
    expect(importAll(nowhere, { format: 'redline-export' }).ok).toBe(false);
    expect(existsSync(nowhere)).toBe(false);
  });

  it('refuses an export from a newer Redline', () => {
    const data = exported();
    const newer = latestVersion() + 1;
    expect(refused({ ...data, schemaVersion: newer })).toEqual([
      `schemaVersion: ${newer} is newer than this Redline knows (up to ${latestVersion()}): update Redline to import this export`,
    ]);
  });

  it('refuses unknown and missing tables, and rows whose columns are not the table’s', () => {
    const data = exported();
    const { readings, ...withoutReadings } = data.tables;
    expect(readings).toBeDefined();
    const scene = data.tables['scenes']?.[0] ?? {};
    expect(
      refused({
        ...data,
        tables: {
          ...withoutReadings,
          secrets: [],
          scenes: [
            { ...scene, created_wall_ms: '10000' },
            { ...scene, scene_id: 's2', colour: 'red' },
            { ...scene, scene_id: 's3', negotiation_id: undefined },
            { ...scene, scene_id: 's4', created_wall_ms: 1.5 },
          ],
        },
      }),
    ).toEqual([
      `tables.secrets: not a table of Redline's schema ${latestVersion()}`,
      'tables.scenes[0].created_wall_ms: must be a number',
      'tables.scenes[1]: unknown key: "colour"',
      'tables.scenes[2].negotiation_id: is required',
      'tables.scenes[3].created_wall_ms: must be a whole number',
      'tables.readings: is missing (an export has every table, even empty)',
    ]);
  });

  it('refuses rows that break the schema’s rules or refer to rows the export lacks', () => {
    const data = exported();
    const scenes = data.tables['scenes'] ?? [];
    data.tables['scenes'] = scenes.map((s) => ({ ...s, mode: 'trio' }));
    expect(refused(data)).toEqual([
      expect.stringMatching(/^tables\.scenes\[0\]: CHECK constraint failed: mode IN/) as unknown,
    ]);
    const orphan = exported();
    orphan.tables['readings']?.push({ scene_id: 'nowhere', at: 1, kind: 'pressure', value: 1 });
    expect(refused(orphan)).toEqual([
      'tables.readings[5]: refers to a row of scenes that is not in the export',
    ]);
  });

  it('refuses a scene whose events no longer read back or replay, writing nothing', () => {
    const data = exported();
    const events = data.tables['events'] ?? [];
    const second = events[1];
    if (second === undefined) throw new Error('the fixture has events');
    expect(second['type']).toBe('panel.heartbeat');
    second['json'] = String(second['json']).replace('"panel.heartbeat"', '"panel.beat"');
    const errors = refused(data);
    expect(errors[0]).toMatch(/^scene "scene-data", event 2: type: /);
    const gap = exported();
    gap.tables['events'] = (gap.tables['events'] ?? []).filter((e) => e['n'] !== 2);
    expect(refused(gap)).toContain('scene "scene-data", event 3: found where event 2 should be');
  });

  it('refuses a row already in the store, naming the table and key, and writes nothing', () => {
    const data = exported();
    const target = stores.path();
    expect(importAll(target, data).ok).toBe(true);
    const before = digest(target);
    expect(importAll(target, data)).toEqual({
      ok: false,
      errors: [
        `table scenes: scene_id "scene-data" is already in the store at ${target}; import into a fresh data folder, or delete your data first`,
      ],
    });
    expect(digest(target)).toBe(before);

    // A different key but a secret hash already in use: the whole import is still refused.
    const other = structuredClone(data);
    for (const table of Object.values(other.tables))
      for (const row of table) {
        if ('negotiation_id' in row && row['negotiation_id'] !== null) row['negotiation_id'] = 'n2';
        if ('scene_id' in row) row['scene_id'] = 's2';
      }
    for (const row of other.tables['invitations'] ?? []) row['code_hash'] = 'other-code';
    for (const row of other.tables['event_journal'] ?? []) row['seq'] = Number(row['seq']) + 1000;
    const result = importAll(target, other);
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(
          /^table participants: \(scene_id "s2", role "dominant"\) conflicts with a row already in the store at .*UNIQUE constraint failed: participants\.secret_hash/,
        ) as unknown,
      ],
    });
    expect(digest(target)).toBe(before);
    const store = openStore({ path: target });
    try {
      expect(store.scene('s2')).toBeNull();
      expect(store.negotiations.negotiation('n2')).toBeNull();
      expect(store.scene(SCENE_ID)).not.toBeNull();
    } finally {
      store.close();
    }
  });

  it('imports an export of an older schema, migrating it', () => {
    const data = exported();
    const { readings, stop_timings, debriefs, follow_ups, event_journal, ...tables } = data.tables;
    expect(
      [readings, stop_timings, debriefs, follow_ups, event_journal].every((t) => t !== undefined),
    ).toBe(true);
    // Schema 2 had no journal (its scene's events were all in `events`) and no frame numbers.
    const dropped = new Set(['seq', 'frame_role', 'frame_seq']);
    const v2Event = (row: ExportRow): ExportRow =>
      Object.fromEntries(Object.entries(row).filter(([column]) => !dropped.has(column)));
    const v2Events = [...(tables['events'] ?? []), ...(event_journal ?? [])].map(v2Event);
    tables['events'] = v2Events;
    const scenes = (tables['scenes'] ?? []).map((s) => {
      const { negotiation_id, ...rest } = s;
      expect(negotiation_id).toBe('negotiation-data');
      return rest;
    });
    const target = stores.path();
    const result = importAll(target, { ...data, schemaVersion: 2, tables: { ...tables, scenes } });
    expect(result.ok).toBe(true);
    const again = exportAll(target);
    expect(again.schemaVersion).toBe(latestVersion());
    expect(again.tables['scenes']?.[0]).toMatchObject({ scene_id: SCENE_ID, negotiation_id: null });
    expect(again.tables['events']).toEqual(
      v2Events.map((row) => ({ ...row, frame_role: null, frame_seq: null })),
    );
    expect(again.tables['readings']).toEqual([]);
  });
});
