import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SceneEvent } from '../../core';
import type { CheckpointerOptions } from './checkpointer';
import { openStore } from './store';
import { addScene, useTempStores } from './temp-store.test-support';

const tick = (at: number): SceneEvent => ({ type: 'tick', at });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const walBytes = (path: string) => {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
};

/**
 * A store whose commits run when the test says (`run`), with a stand-in checkpoint thread: the
 * test answers for it (`thread().onCheckpoint`) and counts what it was asked (`requests`).
 */
function held(path: string) {
  let thread: CheckpointerOptions | undefined;
  let requests = 0;
  const asked: (() => void)[] = [];
  const store = openStore({
    path,
    walResetPages: 100,
    scheduleCommit: (commit) => {
      asked.push(commit);
    },
    startCheckpoints: (options) => {
      thread = options;
      return {
        request: () => {
          requests += 1;
        },
        close: () => undefined,
      };
    },
  });
  const run = () => {
    while (asked.length > 0) asked.shift()?.();
  };
  return {
    store,
    thread: () => {
      if (thread === undefined) throw new Error('no checkpoint thread was started');
      return thread;
    },
    requests: () => requests,
    run,
    read: () => {
      const events = store.events('a');
      return events.ok ? events.value.length : -1;
    },
    /** Scene "a" with one event committed (which starts the thread), the thread ready: its log. */
    start: () => {
      addScene(store, 'a');
      const log = store.eventLog('a');
      log.stage(tick(1));
      run();
      if (thread === undefined) throw new Error('no checkpoint thread was started');
      thread.onReady();
      return log;
    },
  };
}

/**
 * The WAL starts afresh only at a commit that finds all of it copied into the database. Under
 * steady commits that never happened, and the WAL grew without end (600 MB a minute at 1,000
 * scenes). Once it is long, the store holds its commits while the checkpoint thread copies the
 * last stretch; a stop never waits for storage (S1), only acknowledgements do.
 */
describe('the WAL under steady commits', () => {
  const stores = useTempStores();

  it('[S7] holds the commits while a long WAL is copied through, then lets them go, in order', () => {
    const { store, thread, requests, run, read, start } = held(stores.path());
    try {
      const log = start();
      expect(read()).toBe(2);

      // Short: nothing held.
      thread().onCheckpoint?.({ busy: 0, log: 99, checkpointed: 99 });
      log.stage(tick(2));
      run();
      expect(read()).toBe(3);

      // Long (even if "all copied": commits came while it ran): held, and a checkpoint asked at once.
      const before = requests();
      thread().onCheckpoint?.({ busy: 0, log: 100, checkpointed: 100 });
      expect(requests()).toBe(before + 1);
      log.stage(tick(3));
      log.stage(tick(4));
      run();
      expect(read()).toBe(3);
      // Not through yet (a reader in the way): asked again, still held.
      thread().onCheckpoint?.({ busy: 1, log: 130, checkpointed: 120 });
      expect(requests()).toBe(before + 2);
      run();
      expect(read()).toBe(3);
      // Through: the commits go on, in order.
      thread().onCheckpoint?.({ busy: 0, log: 130, checkpointed: 130 });
      run();
      const events = store.events('a');
      expect(events.ok && events.value.map((e) => e.at)).toEqual([0, 1, 2, 3, 4]);
      // commitNow (closing) never waits for a hold.
      thread().onCheckpoint?.({ busy: 0, log: 500, checkpointed: 500 });
      log.stage(tick(5));
      store.commitNow();
      expect(read()).toBe(6);
    } finally {
      store.close();
    }
  });

  it('[S7] lets the commits go after 100 ms if the thread never catches up, and waits a second before holding again', async () => {
    const { store, thread, run, read, start } = held(stores.path());
    try {
      const log = start();
      thread().onCheckpoint?.({ busy: 0, log: 200, checkpointed: 200 });
      log.stage(tick(2));
      run();
      expect(read()).toBe(2);
      await sleep(150);
      run();
      expect(read()).toBe(3);
      // Within the next second a long WAL holds nothing.
      thread().onCheckpoint?.({ busy: 0, log: 300, checkpointed: 300 });
      log.stage(tick(3));
      run();
      expect(read()).toBe(4);
    } finally {
      store.close();
    }
  });

  it('stops growing with the real checkpoint thread while commits never stop (it grew by all that was written)', async () => {
    const path = stores.path();
    const store = openStore({ path, walResetPages: 256 });
    const mb = 1024 * 1024;
    try {
      addScene(store, 'a');
      const log = store.eventLog('a');
      let at = 0;
      let walAt20 = 0;
      // A commit at every turn of the event loop until 60 MB have gone through to the database.
      const until = performance.now() + 30_000;
      while (statSync(path).size < 60 * mb && performance.now() < until) {
        for (let i = 0; i < 200; i++)
          log.stage({ type: 'panel.heartbeat', at: ++at, by: 'submissive' });
        await new Promise((resolve) => setImmediate(resolve));
        if (walAt20 === 0 && statSync(path).size >= 20 * mb) walAt20 = walBytes(path);
      }
      expect(statSync(path).size).toBeGreaterThanOrEqual(60 * mb);
      // SQLite never makes the file smaller; without the reset it grew with every commit (by about
      // the 40 MB written since), with it the WAL is written from its start again and again.
      expect(walAt20).toBeGreaterThan(0);
      expect(walBytes(path)).toBeLessThan(walAt20 + 8 * mb);
    } finally {
      store.close();
    }
  });
});
