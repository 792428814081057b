import { afterEach, describe, expect, it } from 'vitest';
import {
  allZero,
  anyRunning,
  expectAckedStored,
  expectReplayShows,
  latestView,
  postOrgasmScene,
  readLogReadOnly,
  sleep,
  startFaultRedline,
  startSim,
  stopShown,
  tempDataDir,
  watchZero,
  until,
} from './fault-support';

/** The toys' side failing: the device server gone, a device gone, the server hung. */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Redline's request timeout here (the adapter's; `redline serve` uses 3 s). */
const REQUEST_TIMEOUT_MS = 1000;

async function setUp() {
  const sim = await startSim();
  const data = tempDataDir();
  cleanups.push(() => sim.close().catch(() => undefined), data.remove);
  const r = await startFaultRedline({
    sim,
    dataDir: data.dir,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  cleanups.push(() => r.close());
  const scene = await postOrgasmScene(r.url, () => anyRunning(sim));
  cleanups.push(() => scene.close());
  return { sim, r, scene };
}

describe('the device side failing mid post-orgasm phase', () => {
  it('[S1] [S5] [S7] the device server gone: the scene stops (device-lost)', async () => {
    const { sim, r, scene } = await setUp();
    const zero = watchZero(sim);
    const goneAt = performance.now();
    await sim.close();
    // Its toys stop as it goes (Intiface does the same); the scene must notice it too.
    const took = await zero(goneAt, 2000);
    const shown = await stopShown(scene.console, 4000);
    const stoppedIn = Math.round(performance.now() - goneAt);
    console.info(`device server gone: toys at zero ${took} ms, scene stopped ${stoppedIn} ms`);
    expect(shown.stop).toMatchObject({ cause: 'device-lost', by: 'system' });
    const events = readLogReadOnly(r.dbPath, scene.sceneId);
    expectAckedStored(events, [scene.console, scene.panel]);
    expectReplayShows(events, shown);
  });

  it('[S1] [S7] a device removed mid-scene: the scene stops (device-lost), the other toys at zero', async () => {
    const { sim, r, scene } = await setUp();
    // Both toys run; the Lush (index 0) goes away.
    expect(sim.outputs().filter((o) => o.deviceIndex === 1 && o.value !== 0)).not.toHaveLength(0);
    const zero = watchZero(sim);
    const removedAt = performance.now();
    expect(sim.removeDevice(0)).toBe(true);
    const took = await zero(removedAt, 2000);
    console.info(`device removed: the other toy at zero ${took} ms after`);
    const shown = await stopShown(scene.console);
    expect(shown.stop).toMatchObject({ cause: 'device-lost', by: 'system' });
    expect(shown.lostDevices).toHaveLength(1);
    const events = readLogReadOnly(r.dbPath, scene.sceneId);
    expectAckedStored(events, [scene.console, scene.panel]);
    expectReplayShows(events, shown);
  });

  it('[S1] [S5] [S6] [S7] the device server answering nothing: requests time out, the scene stops, and nothing resumes when it answers again', async () => {
    const { sim, r, scene } = await setUp();
    sim.ignoreClient(true);
    const zero = watchZero(sim);
    const hungAt = performance.now();
    // The dominant changes the intensity: the command goes out and is never answered.
    const view = latestView(scene.console);
    const device = view?.devices[0];
    const feature = device?.features[0];
    if (device === undefined || feature === undefined) throw new Error('no device');
    scene.console.frame({ type: 'intensity', device: device.id, feature: feature.id, value: 0.4 });
    const shown = await stopShown(scene.console, REQUEST_TIMEOUT_MS + 4000).catch((e: unknown) => {
      throw new Error(
        `${String(e).slice(0, 80)}\nreports: ${r.reports.join('\n')}\noutputs: ${JSON.stringify(sim.outputs().map((o) => o.value))}`,
      );
    });
    const stoppedIn = Math.round(performance.now() - hungAt);
    expect(shown.stop).toMatchObject({ cause: 'device-lost', by: 'system' });
    // The hung server never carries out the stop; dropping the connection makes it stop the toys.
    const took = await zero(hungAt, REQUEST_TIMEOUT_MS + 4000);
    console.info(`device server hung: scene stopped ${stoppedIn} ms, toys at zero ${took} ms`);
    sim.ignoreClient(false);
    await until(() => sim.clientName() !== null, 5000, 'Redline to reconnect');
    await sleep(1000);
    expect(allZero(sim), 'nothing resumes by itself (S6)').toBe(true);
    expect(latestView(scene.console)?.stop).toMatchObject({ cause: 'device-lost' });
    const events = readLogReadOnly(r.dbPath, scene.sceneId);
    expectAckedStored(events, [scene.console, scene.panel]);
    expectReplayShows(events, shown);
  });
});
