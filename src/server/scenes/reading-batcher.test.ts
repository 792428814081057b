import { describe, expect, it } from 'vitest';
import type { Reading } from '../store/store';
import { createReadingBatcher, type BatcherTimers } from './reading-batcher';

function manualTimers() {
  let tick: (() => void) | null = null;
  let cancelled = false;
  const timers: BatcherTimers = {
    every(_ms, run) {
      tick = run;
      return () => {
        cancelled = true;
      };
    },
  };
  return { timers, tick: () => tick?.(), cancelled: () => cancelled };
}

const reading = (at: number): Reading => ({ at, kind: 'pressure', value: 1000 + at });

describe('readings are written in runs per scene', () => {
  it('writes a scene’s readings once it has a run of them, the rest at the interval, each scene’s in order', () => {
    const t = manualTimers();
    const writes: { sceneId: string; reading: Reading }[][] = [];
    const batcher = createReadingBatcher({
      write: (rows) => writes.push([...rows]),
      report: () => undefined,
      runRows: 3,
      timers: t.timers,
    });
    batcher.add('a', reading(1));
    batcher.add('b', reading(2));
    batcher.add('a', reading(3));
    expect(writes).toEqual([]);
    batcher.add('a', reading(4));
    // Scene a has a run: written at once, alone.
    expect(writes).toEqual([
      [
        { sceneId: 'a', reading: reading(1) },
        { sceneId: 'a', reading: reading(3) },
        { sceneId: 'a', reading: reading(4) },
      ],
    ]);
    t.tick();
    expect(writes[1]).toEqual([{ sceneId: 'b', reading: reading(2) }]);
    t.tick();
    expect(writes).toHaveLength(2);
    batcher.add('a', reading(5));
    batcher.add('b', reading(6));
    // A stop flushes its own scene only.
    batcher.flush('b');
    expect(writes[2]).toEqual([{ sceneId: 'b', reading: reading(6) }]);
    batcher.close();
    expect(writes[3]).toEqual([{ sceneId: 'a', reading: reading(5) }]);
    expect(t.cancelled()).toBe(true);
  });

  it('reports a failing store once, drops that run, and keeps at most maxQueued waiting', () => {
    const t = manualTimers();
    const reports: string[] = [];
    let fail = true;
    const written: number[] = [];
    const batcher = createReadingBatcher({
      write: (rows) => {
        if (fail) throw new Error('disk full');
        written.push(...rows.map((r) => r.reading.at));
      },
      report: (m) => reports.push(m),
      maxQueued: 2,
      timers: t.timers,
    });
    batcher.add('a', reading(1));
    t.tick();
    batcher.add('a', reading(2));
    t.tick();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('disk full');
    fail = false;
    for (const at of [3, 4, 5]) batcher.add('a', reading(at));
    batcher.flush();
    expect(written).toEqual([3, 4]);
    expect(reports[1]).toContain('beyond 2');
  });
});
