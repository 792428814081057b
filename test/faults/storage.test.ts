import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { ButtplugSimServer } from '../../src/devices/buttplug-sim/server';
import { replay, type Agreement } from '../../src/core';
import type { StoreConnection } from '../../src/server/store/store';
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
  startFaultRedline,
  startSim,
  stopShown,
  tempDataDir,
  watchZero,
  until,
  type FaultRedline,
  type RunningScene,
} from './fault-support';

/** Storage failing under a running scene: it stops rather than running unrecorded (S7). */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(
  storeFaultHook?: (db: StoreConnection) => void,
  patch: Partial<Agreement> = {},
) {
  const sim = await startSim();
  const data = tempDataDir();
  cleanups.push(() => sim.close().catch(() => undefined), data.remove);
  const r = await startFaultRedline({
    sim,
    dataDir: data.dir,
    // As `redline serve`: this process (device server included) freezes while a write waits out
    // a lock, and a shorter timeout would count that as a hung device server too.
    requestTimeoutMs: 3000,
    ...(storeFaultHook === undefined ? {} : { storeFaultHook }),
  });
  cleanups.push(() => r.close());
  const scene = await postOrgasmScene(r.url, () => anyRunning(sim), patch);
  cleanups.push(() => scene.close());
  return { sim, r, scene, dataDir: data.dir };
}

/** The dominant keeps changing the intensity until a change is refused; returns that answer. */
async function changeUntilRefused(scene: RunningScene) {
  const device = latestView(scene.console)?.devices[0];
  const feature = device?.features[0];
  if (device === undefined || feature === undefined) throw new Error('no device');
  for (let i = 0; i < 500; i += 1) {
    const seq = scene.console.frame({
      type: 'intensity',
      device: device.id,
      feature: feature.id,
      value: i % 2 === 0 ? 0.25 : 0.3,
    });
    const answer = await scene.console.waitFor(
      (f) => (f.type === 'ack' || f.type === 'error') && f.seq === seq,
    );
    if (answer.type === 'error') return answer;
  }
  throw new Error('every change was stored');
}

/**
 * The screens saw a stop the broken store could not keep. Restarted on a working store, Redline
 * brings the scene back with that stop recorded, and the log replays to it.
 */
async function restartRecordsTheStop(
  r: FaultRedline,
  sim: ButtplugSimServer,
  dataDir: string,
  scene: RunningScene,
) {
  await r.close();
  await until(() => sim.clientName() === null, 5000, 'the first client to be gone');
  const again = await startFaultRedline({ sim, dataDir, requestTimeoutMs: 3000 });
  cleanups.push(() => again.close());
  const con = await signIn(again.url, scene.sceneId, scene.consoleSecret);
  cleanups.push(() => con.close());
  const welcome = con.frames.find(isType('welcome'));
  expect(welcome?.view.stop).toMatchObject({ cause: 'interrupted', by: 'system' });
  expect(allZero(sim)).toBe(true);
  expectReplayShows(readLogReadOnly(again.dbPath, scene.sceneId), welcome?.view);
}

describe('storage failing mid post-orgasm phase', () => {
  it('[S1] [S7] the disk full: the next append fails, the scene stops instead of running unrecorded, toys at zero, the screen told', async () => {
    let db: StoreConnection | undefined;
    const { sim, r, scene, dataDir } = await setUp((connection) => {
      db = connection;
    });
    if (db === undefined) throw new Error('no connection');
    // The file may not grow past its size now, as on a full disk (on the server's own connection).
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const zero = watchZero(sim);
    const fullAt = performance.now();
    const refused = await changeUntilRefused(scene);
    expect(refused).toMatchObject({ code: 'internal', message: /could not store/ });
    const took = await zero(fullAt, 10_000);
    const shown = await stopShown(scene.console);
    console.info(
      `disk full: toys at zero ${took} ms after the cap (the append that failed came first)`,
    );
    expect(shown.stop).toMatchObject({ cause: 'interrupted', by: 'system' });
    expect(r.reports.join('\n')).toMatch(/could not store the scene, so it was stopped/);
    scene.silence();
    // The log is a true beginning of the scene: every acknowledged event, nothing after the gap.
    const events = readLogReadOnly(r.dbPath, scene.sceneId);
    expectAckedStored(events, [scene.console, scene.panel]);
    const state = expectReplayShows(events, {
      ...shown,
      phase: 'post-orgasm',
      stop: null,
    });
    expect(state.stop).toBeNull();
    await restartRecordsTheStop(r, sim, dataDir, scene);
  });

  it('[S1] [S7] the database locked by another connection: appends fail after the busy timeout, the scene stops', async () => {
    // The server is frozen while a write waits out the lock (2 s): a longer heartbeat timeout
    // keeps the panel's queued heartbeats from counting as a lost panel meanwhile.
    const { sim, r, scene, dataDir } = await setUp(undefined, {
      panel: { heartbeatTimeoutSeconds: 6 },
    });
    const locker = new Database(r.dbPath, { timeout: 0 });
    cleanups.push(() => {
      if (locker.inTransaction) locker.exec('ROLLBACK');
      locker.close();
    });
    locker.exec('BEGIN EXCLUSIVE');
    const zero = watchZero(sim);
    const lockedAt = performance.now();
    // Heartbeats keep coming: the next one cannot be stored.
    const took = await zero(lockedAt, 10_000);
    const shown = await stopShown(scene.console, 10_000);
    console.info(`database locked: toys at zero ${took} ms after the lock`);
    expect(shown.stop).toMatchObject({ cause: 'interrupted', by: 'system' });
    expect(
      scene.panel.frames.some((f) => f.type === 'error' && f.code === 'internal'),
      'the panel was told its heartbeat could not be stored',
    ).toBe(true);
    scene.silence();
    locker.exec('ROLLBACK');
    const events = readLogReadOnly(r.dbPath, scene.sceneId);
    expectAckedStored(events, [scene.console, scene.panel]);
    expect(replayStop(events)).toBeNull();
    await restartRecordsTheStop(r, sim, dataDir, scene);
  });
});

const replayStop = (events: Parameters<typeof replay>[0]) => replay(events).state.stop;
