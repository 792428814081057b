import { afterEach, describe, expect, it } from 'vitest';
import {
  anyRunning,
  expectAckedStored,
  expectReplayShows,
  FAULT_AGREEMENT,
  HEARTBEAT_MS,
  postOrgasmScene,
  readLogReadOnly,
  startFaultRedline,
  startSim,
  stopShown,
  tempDataDir,
  watchZero,
} from './fault-support';

/** The panel — the receiver's voice — lost: its socket closed, or open but silent. */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const TIMEOUT_MS = (FAULT_AGREEMENT.panel?.heartbeatTimeoutSeconds ?? 0) * 1000;

async function setUp() {
  const sim = await startSim();
  const data = tempDataDir();
  cleanups.push(() => sim.close().catch(() => undefined), data.remove);
  const r = await startFaultRedline({ sim, dataDir: data.dir });
  cleanups.push(() => r.close());
  const scene = await postOrgasmScene(r.url, () => anyRunning(sim));
  cleanups.push(() => scene.close());
  return { sim, r, scene };
}

describe('the panel lost mid post-orgasm phase', () => {
  for (const how of ['dropped', 'frozen'] as const) {
    it(`[S5] [S7] ${how === 'dropped' ? 'dropped (socket closed)' : 'frozen (socket open, silent)'}: the scene stops within the heartbeat timeout (panel-lost)`, async () => {
      const { sim, r, scene } = await setUp();
      scene.silence();
      const zero = watchZero(sim);
      const lostAt = performance.now();
      if (how === 'dropped') await scene.panel.close();
      // The agreed timeout counts from the last heartbeat, which was at most one interval ago;
      // the bound adds room for a loaded machine (the stop is the point, not its speed).
      const took = await zero(lostAt, TIMEOUT_MS + 2000);
      console.info(`panel ${how}: every toy at zero ${took} ms after the panel went silent`);
      // Not early either: the timeout counts from the last heartbeat, at most one interval back.
      expect(took).toBeGreaterThan(TIMEOUT_MS - HEARTBEAT_MS - 50);
      const shown = await stopShown(scene.console);
      expect(shown.stop).toMatchObject({ cause: 'panel-lost', by: 'system' });
      if (how === 'frozen') {
        // The silent panel is still connected, and is told too.
        expect((await stopShown(scene.panel)).stop).toMatchObject({ cause: 'panel-lost' });
      }
      const events = readLogReadOnly(r.dbPath, scene.sceneId);
      expectAckedStored(events, [scene.console, scene.panel]);
      expectReplayShows(events, shown);
    });
  }
});
