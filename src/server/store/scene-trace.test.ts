import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { fillStore, replayed, SCENE_ID } from './data.test-support';
import { sceneTraceCsvAt as sceneTraceCsv, TRACE_HEADER } from './scene-trace';
import { useTempStores } from './temp-store.test-support';

describe('sceneTraceCsv', () => {
  const stores = useTempStores();

  it('lists readings and the governed output in Redline’s trace format', () => {
    const path = stores.path();
    const { events } = fillStore(path);
    const csv = sceneTraceCsv(path, SCENE_ID);
    if (!csv.ok) throw new Error(csv.errors.join('\n'));
    const [header, ...rows] = csv.value.trimEnd().split('\n');
    expect(header).toBe(TRACE_HEADER);
    const parsed = rows.map((row) => row.split(','));
    const times = parsed.map(([t]) => Number(t));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);

    // Readings where they were taken; the second one in a millisecond of another kind shares it.
    expect(rows).toContain('2000,1012.5,,0.05');
    expect(parsed.find(([t]) => t === '6000')?.slice(1, 3)).toEqual(['1300.25', '121']);
    expect(parsed.find(([t]) => t === '3000')?.slice(1, 3)).toEqual(['', '88']);

    // The output column follows the fold: it rises along the ramp, and red brings it to zero.
    const outputs = replayed(events).effects.filter((e) => e.type === 'output');
    const peak = Math.max(...outputs.map((e) => e.value));
    expect(peak).toBeGreaterThan(0);
    expect(Math.max(...parsed.map((r) => Number(r[3])))).toBe(peak);
    const afterRed = parsed.filter(([t]) => Number(t) >= 9_000).map((r) => r[3]);
    expect(afterRed.length).toBeGreaterThan(0);
    expect(new Set(afterRed)).toEqual(new Set(['0']));
  });

  it('refuses a scene that is not there or whose log is damaged', () => {
    const path = stores.path();
    fillStore(path);
    expect(sceneTraceCsv(path, 'nope')).toEqual({
      ok: false,
      errors: ['scene "nope" is not in the store'],
    });
    const db = new Database(path);
    db.prepare(`UPDATE events SET json = '{}' WHERE n = 2`).run();
    db.close();
    const damaged = sceneTraceCsv(path, SCENE_ID);
    expect(damaged.ok).toBe(false);
  });
});
