import type { Reading } from '../store/store';

/**
 * Every scene's readings, written in runs per scene (decisions 0015, 0017): a scene's readings
 * wait until it has `runRows` of them (10 s of thinned pressure), or the interval passes, or its
 * scene stops; then that run is written at once. Readings are indexed by scene, so a run fills a
 * page where a reading at a time from each of many scenes touched a page each. Readings are
 * history, not the scene (S7 is about events): a run that cannot be stored is reported once and
 * dropped, and at most `maxQueued` wait, so a store that keeps failing cannot grow without end.
 */
export type ReadingBatcher = Readonly<{
  add(sceneId: string, reading: Reading): void;
  /** Writes what waits now: one scene's (its stop, so its history is complete), or every one. */
  flush(sceneId?: string): void;
  /** Flushes and stops the interval. */
  close(): void;
}>;

export type BatcherTimers = Readonly<{
  every(ms: number, run: () => void): () => void;
}>;

const nodeTimers: BatcherTimers = {
  every(ms, run) {
    const id = setInterval(run, ms);
    id.unref();
    return () => {
      clearInterval(id);
    };
  },
};

export function createReadingBatcher(options: {
  /** Writes one scene's run (it may be staged for the store's next commit); throws if it cannot. */
  write(rows: readonly Readonly<{ sceneId: string; reading: Reading }>[]): void;
  report(message: string): void;
  everyMs?: number;
  runRows?: number;
  maxQueued?: number;
  timers?: BatcherTimers;
}): ReadingBatcher {
  const maxQueued = options.maxQueued ?? 100_000;
  const runRows = options.runRows ?? 50;
  const waiting = new Map<string, Reading[]>();
  let queued = 0;
  let dropped = 0;
  let failing = false;
  const write = (sceneId: string) => {
    const readings = waiting.get(sceneId);
    if (readings === undefined) return;
    waiting.delete(sceneId);
    queued -= readings.length;
    try {
      options.write(readings.map((reading) => ({ sceneId, reading })));
      failing = false;
    } catch (error) {
      if (!failing)
        options.report(
          `could not store ${readings.length} readings for a scene's history; the scene goes on: ${(error as Error).message}`,
        );
      failing = true;
    }
  };
  const flush = (sceneId?: string) => {
    if (sceneId !== undefined) write(sceneId);
    else for (const scene of [...waiting.keys()]) write(scene);
  };
  const cancel = (options.timers ?? nodeTimers).every(options.everyMs ?? 10_000, () => {
    flush();
  });
  return {
    add(sceneId, reading) {
      if (queued >= maxQueued) {
        dropped += 1;
        if (dropped === 1)
          options.report(`readings are waiting beyond ${maxQueued}: newer ones are not kept`);
        return;
      }
      let readings = waiting.get(sceneId);
      if (readings === undefined) {
        readings = [];
        waiting.set(sceneId, readings);
      }
      readings.push(reading);
      queued += 1;
      if (readings.length >= runRows) write(sceneId);
    },
    flush,
    close() {
      flush();
      cancel();
    },
  };
}
