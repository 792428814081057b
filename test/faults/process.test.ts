import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ButtplugSimServer } from '../../src/devices/buttplug-sim/server';
import { signIn } from '../server/scene-setup';
import { isType } from '../support/ws-client';
import {
  allZero,
  anyRunning,
  expectAckedStored,
  expectReplayShows,
  latestView,
  postOrgasmScene,
  readLogReadOnly,
  spawnServe,
  startSim,
  tempDataDir,
  watchZero,
  until,
  type ServeChild,
} from './fault-support';

/** Redline itself going away: a real `redline serve` child, killed or asked to stop. */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp() {
  const sim = await startSim();
  const data = tempDataDir();
  cleanups.push(() => sim.close().catch(() => undefined), data.remove);
  const first = await spawnServe(sim.url, data.dir);
  cleanups.push(() => {
    first.child.kill('SIGKILL');
  });
  await until(() => sim.clientName() !== null, 5000, 'serve to reach the device server');
  const scene = await postOrgasmScene(first.url, () => anyRunning(sim));
  cleanups.push(() => scene.close());
  return { sim, dataDir: data.dir, dbPath: join(data.dir, 'redline.sqlite'), first, scene };
}

/** Restarts serve on the same data folder: the scene comes back stopped (interrupted), and replays. */
async function restartShowsInterrupted(
  sim: ButtplugSimServer,
  dataDir: string,
  sceneId: string,
  secret: string,
) {
  // The device server takes one client at a time: the first must be gone.
  await until(() => sim.clientName() === null, 5000, 'the first client to be gone');
  const second: ServeChild = await spawnServe(sim.url, dataDir);
  cleanups.push(() => {
    second.child.kill('SIGKILL');
  });
  // The banner and this line are separate writes: wait for the line rather than race it.
  await until(() => second.stdout().includes('came back stopped'), 5000, 'the restart to say so');
  const con = await signIn(second.url, sceneId, secret);
  cleanups.push(() => con.close());
  const welcome = con.frames.find(isType('welcome'));
  expect(welcome?.view.stop).toMatchObject({ cause: 'interrupted', by: 'system' });
  expect(allZero(sim)).toBe(true);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(143);
  const events = readLogReadOnly(join(dataDir, 'redline.sqlite'), sceneId);
  expectReplayShows(events, welcome?.view);
}

describe('Redline killed or stopped mid post-orgasm phase', () => {
  it('[S5] [S7] SIGKILL: the device server stops every toy on disconnect, the log keeps every acked event, and a restart brings the scene back stopped', async () => {
    const { sim, dataDir, dbPath, first, scene } = await setUp();
    const seen = latestView(scene.console);
    expect(seen?.phase).toBe('post-orgasm');
    const zero = watchZero(sim);
    const killedAt = performance.now();
    first.child.kill('SIGKILL');
    const took = await zero(killedAt, 2000);
    console.info(`SIGKILL: every toy at zero ${took} ms after the kill`);
    expect(await first.exited).toBe('SIGKILL');
    scene.silence();
    const events = readLogReadOnly(dbPath, scene.sceneId);
    expectAckedStored(events, [scene.console, scene.panel]);
    // What the screens last saw: the post-orgasm phase running, no stop.
    const state = expectReplayShows(events, latestView(scene.console));
    expect(state.stop).toBeNull();
    await restartShowsInterrupted(sim, dataDir, scene.sceneId, scene.consoleSecret);
  });

  it('[S1] [S5] [S7] SIGTERM: graceful — every toy at zero, the stop recorded (interrupted), exit 143', async () => {
    const { sim, dbPath, first, scene } = await setUp();
    const zero = watchZero(sim);
    const askedAt = performance.now();
    first.child.kill('SIGTERM');
    const took = await zero(askedAt, 2000);
    console.info(`SIGTERM: every toy at zero ${took} ms after the signal`);
    expect(await first.exited).toBe(143);
    expect(first.stdout()).toContain('every toy is at zero');
    scene.silence();
    const shown = latestView(scene.console);
    const events = readLogReadOnly(dbPath, scene.sceneId);
    expectAckedStored(events, [scene.console, scene.panel]);
    expect(events.at(-1)).toMatchObject({ type: 'scene.interrupted', by: 'system' });
    // The screens were told before the server went: the stop they saw is the one replayed.
    expect(shown?.stop).toMatchObject({ cause: 'interrupted' });
    expectReplayShows(events, shown);
  });
});
