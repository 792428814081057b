import { afterEach, describe, expect, it } from 'vitest';
import { addScene } from '../../src/server/store/temp-store.test-support';
import { startTestRedline, type TestRedline } from '../support/redline-server';

/**
 * Two servers on one data folder: the second would take the first one's live scenes for scenes a
 * crash left behind and write "interrupted" into logs the first is still writing. It is refused
 * before it opens the store (src/server/store/data-lock.ts).
 */
describe('one server per data folder', () => {
  const running: TestRedline[] = [];
  afterEach(async () => {
    for (const r of running.splice(0).reverse()) await r.close();
  });

  it('[S7] refuses a second server on a folder in use, leaves the first one’s scenes alone, and starts once the first has stopped', async () => {
    const first = await startTestRedline();
    running.push(first);
    // A scene the first server has open (as far as the store can tell, one a crash left behind).
    addScene(first.server.store, 'live');
    const before = first.server.store.events('live');

    await expect(startTestRedline({ dataDir: first.dataDir, sim: first.sim })).rejects.toThrow(
      /another Redline server \(process \d+\) is using this data folder/,
    );
    expect(first.server.store.events('live')).toEqual(before);

    // Stopped, the folder is free: the next server takes the open scene back as stopped, which is
    // exactly what it must not do to a scene another server is running.
    await first.stop();
    const next = await startTestRedline({ dataDir: first.dataDir });
    running.push(next);
    expect(next.server.restored).toBe(1);
  });
});
