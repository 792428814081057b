import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { startCheckpointer, type CheckpointerOptions, type CheckpointResult } from './checkpointer';
import { openStore } from './store';
import { addScene, useTempStores } from './temp-store.test-support';

/** Starts a checkpointer on `path` and waits until it is ready or has failed. */
async function started(path: string, passphrase?: string) {
  const results: CheckpointResult[] = [];
  let checkpointed: (() => void) | null = null;
  const checkpointer = await new Promise<ReturnType<typeof startCheckpointer>>(
    (resolve, reject) => {
      const c = startCheckpointer({
        path,
        passphrase,
        onReady: () => {
          resolve(c);
        },
        onFailure: reject,
        onCheckpoint: (result) => {
          results.push(result);
          checkpointed?.();
        },
      });
    },
  );
  const checkpoint = () =>
    new Promise<CheckpointResult | undefined>((resolve) => {
      checkpointed = () => {
        resolve(results.at(-1));
      };
      checkpointer.request();
    });
  return { checkpointer, checkpoint };
}

describe('the checkpoint thread', () => {
  const stores = useTempStores();

  for (const passphrase of [undefined, 'correct horse battery']) {
    it(`copies the WAL into the database file from a thread of its own${passphrase === undefined ? '' : ', encrypted'}`, async () => {
      const store = openStore({ path: stores.path(), passphrase });
      try {
        for (const id of ['a', 'b', 'c']) addScene(store, id);
        const { checkpointer, checkpoint } = await started(store.path, passphrase);
        const first = await checkpoint();
        // Every page the WAL held went into the database file.
        expect(first?.log).toBeGreaterThan(0);
        expect(first?.checkpointed).toBe(first?.log);
        expect(first?.busy).toBe(0);
        addScene(store, 'd');
        const second = await checkpoint();
        expect(second?.checkpointed).toBe(second?.log);
        checkpointer.close();
        expect(store.events('d').ok).toBe(true);
        // The store reads on; asked again with nothing new, there is nothing left to copy.
        expect(
          store
            .scenes()
            .map((s) => s.sceneId)
            .sort(),
        ).toEqual(['a', 'b', 'c', 'd']);
      } finally {
        store.close();
      }
    });
  }

  it('fails, and says so, on a store it cannot open with the passphrase it was given', async () => {
    const store = stores.open();
    addScene(store, 'a');
    await expect(started(store.path, 'not the passphrase')).rejects.toThrow(
      /^the store's checkpoint thread failed: .*(not a database|encrypted)/,
    );
  });

  it('takes over the checkpoints of a store that journals, and lets its connection stop them', async () => {
    let connection: Database.Database | undefined;
    const results: CheckpointResult[] = [];
    const store = openStore({
      path: stores.path(),
      faultHook: (db) => {
        connection = db;
      },
      observeCheckpoint: (result) => results.push(result),
    });
    try {
      addScene(store, 'a');
      expect(connection?.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      const log = store.eventLog('a');
      for (let i = 1; results.length === 0 && i < 500; i++) {
        log.stage({ type: 'tick', at: i });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(results.length).toBeGreaterThan(0);
      expect(connection?.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    } finally {
      store.close();
    }
  });

  it('says so when its checkpoint thread fails, and the store checkpoints on its own connection again', async () => {
    let connection: Database.Database | undefined;
    let thread: CheckpointerOptions | undefined;
    const reports: string[] = [];
    const store = openStore({
      path: stores.path(),
      faultHook: (db) => {
        connection = db;
      },
      startCheckpoints: (options) => {
        thread = options;
        return { request: () => undefined, close: () => undefined };
      },
      report: (message) => reports.push(message),
    });
    try {
      addScene(store, 'a');
      const log = store.eventLog('a');
      const settled = () =>
        new Promise<Error | null>((resolve) => {
          log.settled(resolve);
        });
      // The first staged write readies the journal, which starts the thread.
      log.stage({ type: 'tick', at: 1 });
      expect(await settled()).toBeNull();
      thread?.onReady();
      expect(connection?.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      thread?.onFailure(new Error("the store's checkpoint thread ended"));
      // SQLite's own checkpoint, after every commit that leaves 1,000 pages or more in the WAL.
      expect(connection?.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(reports).toEqual([
        "the store's checkpoint thread ended; the store checkpoints on its own connection again",
      ]);
      // The store goes on writing.
      log.stage({ type: 'tick', at: 2 });
      expect(await settled()).toBeNull();
      const stored = store.events('a');
      expect(stored.ok && stored.value.map((e) => e.type)).toEqual([
        'scene.created',
        'tick',
        'tick',
      ]);
    } finally {
      store.close();
    }
  });

  it('says so when its checkpoint thread cannot start, and still takes the write that asked for it', async () => {
    let connection: Database.Database | undefined;
    const reports: string[] = [];
    const store = openStore({
      path: stores.path(),
      faultHook: (db) => {
        connection = db;
      },
      startCheckpoints: () => {
        throw new Error('no threads left');
      },
      report: (message) => reports.push(message),
    });
    try {
      addScene(store, 'a');
      const log = store.eventLog('a');
      log.stage({ type: 'tick', at: 1 });
      const error = await new Promise<Error | null>((resolve) => {
        log.settled(resolve);
      });
      expect(error).toBeNull();
      expect(connection?.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(reports).toEqual([
        "could not start the store's checkpoint thread: no threads left; the store checkpoints on its own connection again",
      ]);
    } finally {
      store.close();
    }
  });
});
