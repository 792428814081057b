import type { Reading } from '../store/store';

/**
 * Every scene's readings, written together: at most one commit per interval for all of them,
 * where each reading was one commit (decision 0015; `npm run bench -- load` measured readings at
 * a quarter of the server's time with 100 scenes). Readings are history, not the scene (S7 is
 * about events): a batch that cannot be stored is reported once and dropped, and at most
 * `maxQueued` wait, so a store that keeps failing cannot grow the queue without end.
 */
export type ReadingBatcher = Readonly<{
  add(sceneId: string, reading: Reading): void;
  /** Writes what waits now (a stop, so its history is complete; the server closing). */
  flush(): void;
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
  write(rows: readonly Readonly<{ sceneId: string; reading: Reading }>[]): void;
  report(message: string): void;
  everyMs?: number;
  maxQueued?: number;
  timers?: BatcherTimers;
}): ReadingBatcher {
  const maxQueued = options.maxQueued ?? 20_000;
  let queue: { sceneId: string; reading: Reading }[] = [];
  let dropped = 0;
  let failing = false;
  const flush = () => {
    if (queue.length === 0) return;
    const rows = queue;
    queue = [];
    try {
      options.write(rows);
      failing = false;
    } catch (error) {
      if (!failing)
        options.report(
          `could not store ${rows.length} readings for the scenes' history; the scenes go on: ${(error as Error).message}`,
        );
      failing = true;
    }
  };
  const cancel = (options.timers ?? nodeTimers).every(options.everyMs ?? 1000, flush);
  return {
    add(sceneId, reading) {
      if (queue.length >= maxQueued) {
        dropped += 1;
        if (dropped === 1)
          options.report(`readings are waiting beyond ${maxQueued}: newer ones are not kept`);
        return;
      }
      queue.push({ sceneId, reading });
    },
    flush,
    close() {
      flush();
      cancel();
    },
  };
}
