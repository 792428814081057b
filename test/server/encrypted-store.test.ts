import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { acked, pairedScene } from './scene-setup';

/**
 * P4, issue 7 item 5's done-when: with a passphrase set, the database file holds no readable
 * scene text — checked on the real server after a scene for two (Alex and Sam, through the
 * negotiation API), in the database, its WAL and its shared-memory file, running and stopped.
 */

const running: TestRedline[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

const PASSPHRASE = 'a long passphrase for tests';
/** "Sam" alone is 3 bytes, which random ciphertext would contain now and then; JSON quotes it. */
const NAMES = ['Alex', '"Sam"'];

function occurrences(file: string, text: string): number {
  if (!existsSync(file)) return 0;
  const bytes = readFileSync(file);
  const needle = Buffer.from(text, 'utf8');
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count += 1;
  return count;
}
/** Per name, how often it occurs across the store's three files. */
function namesOnDisk(dataDir: string): Record<string, number> {
  const db = join(dataDir, 'redline.sqlite');
  const files = [db, `${db}-wal`, `${db}-shm`];
  return Object.fromEntries(
    NAMES.map((name) => [name, files.reduce((sum, f) => sum + occurrences(f, name), 0)]),
  );
}

async function sceneForTwo(r: TestRedline) {
  const scene = await pairedScene(r.url);
  const { console: con, panel } = scene;
  expect(await acked(panel, panel.frame({ type: 'heartbeat' }))).toMatchObject({ type: 'ack' });
  const welcome = con.frames.find((f) => f.type === 'welcome');
  if (welcome?.type !== 'welcome') throw new Error('no welcome');
  for (const item of welcome.view.setup.checklist)
    expect(await acked(con, con.frame({ type: 'setup.check', item, done: true }))).toMatchObject({
      type: 'ack',
    });
  expect(await acked(panel, panel.frame({ type: 'safeword', word: 'red' }))).toMatchObject({
    type: 'ack',
  });
  await con.close();
  await panel.close();
  return scene.created.sceneId;
}

describe('an encrypted store on the real server (P4)', () => {
  it('holds neither partner’s name in its files, running or stopped, and reads back after a restart', async () => {
    const r = await startTestRedline({ passphrase: PASSPHRASE });
    running.push(r);
    const sceneId = await sceneForTwo(r);
    const stored = r.server.store.events(sceneId);
    expect(stored.ok && stored.value.map((e) => e.type)).toContain('safeword');
    const whileRunning = namesOnDisk(r.dataDir);
    await r.stop();
    const afterStop = namesOnDisk(r.dataDir);
    expect({ whileRunning, afterStop }).toEqual({
      whileRunning: { Alex: 0, '"Sam"': 0 },
      afterStop: { Alex: 0, '"Sam"': 0 },
    });

    // The simulated device server, like Intiface, serves one client at a time.
    const released = async () => {
      while (r.sim.clientName() !== null) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await released();
    await expect(
      startTestRedline({ dataDir: r.dataDir, sim: r.sim, passphrase: 'not the passphrase' }),
    ).rejects.toThrow('wrong passphrase, or not a Redline store');
    await released();
    await expect(startTestRedline({ dataDir: r.dataDir, sim: r.sim })).rejects.toThrow(
      'it is encrypted and needs its passphrase',
    );
    await released();
    const again = await startTestRedline({
      dataDir: r.dataDir,
      sim: r.sim,
      passphrase: PASSPHRASE,
    });
    // Stopped here: `r` closes the simulated device server and the folder they share.
    const events = again.server.store.events(sceneId);
    await again.stop();
    expect(events).toEqual(stored);
  });

  it('the same scene on a plain store does show the names (the control)', async () => {
    const r = await startTestRedline();
    running.push(r);
    await sceneForTwo(r);
    await r.stop();
    const names = namesOnDisk(r.dataDir);
    expect(names['Alex']).toBeGreaterThan(0);
    expect(names['"Sam"']).toBeGreaterThan(0);
  });
});
