import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addScene, useTempStores } from './temp-store.test-support';
import { walSync } from './wal-sync';

const once = (sync: ReturnType<typeof walSync>) =>
  new Promise<Error | null>((resolve) => {
    sync.sync(resolve);
  });

describe('WAL sync', () => {
  const stores = useTempStores();

  it('syncs the WAL of a store in use, off the event loop, as often as asked', async () => {
    const store = stores.open();
    addScene(store, 'a');
    expect(existsSync(`${store.path}-wal`)).toBe(true);
    const sync = walSync(store.path);
    expect(await once(sync)).toBeNull();
    expect(await once(sync)).toBeNull();
    sync.syncNow();
    sync.close();
    expect(await once(sync)).toEqual(new Error('the store is closed'));
  });

  it('lets a sync under way end before it lets the file go', async () => {
    const store = stores.open();
    addScene(store, 'a');
    const sync = walSync(store.path);
    const ended = once(sync);
    sync.close();
    expect(await ended).toBeNull();
  });

  it('reports a WAL it cannot open as the sync’s error, never a throw', async () => {
    const sync = walSync(stores.path('missing'));
    const error = await once(sync);
    expect(error?.message).toMatch(/^ENOENT: no such file or directory, open '.*missing-wal'$/);
    expect(() => {
      sync.syncNow();
    }).toThrow(/ENOENT/);
    sync.close();
  });
});
