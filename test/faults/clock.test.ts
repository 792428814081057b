import { afterEach, describe, expect, it, vi } from 'vitest';
import {
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
  viewShown,
  watchZero,
} from './fault-support';

/**
 * The wall clock jumping (NTP, daylight saving, someone setting the time) mid-scene. Scene time
 * is monotonic (`performance.now()`, src/server/scene-clock.ts), so a jump of an hour either way
 * must neither fire a timer early nor skip one: here the check-in falls due on time, and its
 * missed answer stops the scene exactly its agreed timeout later, in scene time and in real time.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const c of cleanups.splice(0).reverse()) await c();
});

const HOUR = 3_600_000;
/** Date.now() moves by `ms` (only Date is mocked: timers and performance.now() are untouched). */
const jump = (ms: number) => {
  vi.setSystemTime(Date.now() + ms);
};

describe('the wall clock jumping mid post-orgasm phase', () => {
  it('[S1] [S2] [S7] an hour forward, then back: no timer fires early or is skipped (scene time is monotonic)', async () => {
    const sim = await startSim();
    const data = tempDataDir();
    cleanups.push(() => sim.close().catch(() => undefined), data.remove);
    const r = await startFaultRedline({ sim, dataDir: data.dir });
    cleanups.push(() => r.close());
    // A check-in 10 s after the start (the shortest allowed), unanswered within 3 s: stop.
    const scene = await postOrgasmScene(r.url, () => anyRunning(sim), {
      checkIn: { intervalSeconds: 10, answerTimeoutSeconds: 3, onMissed: 'stop' },
    });
    cleanups.push(() => scene.close());
    const started = latestView(scene.console);
    const startedAt = started?.startedAt;
    if (started === undefined || startedAt === null || startedAt === undefined)
      throw new Error('not started');
    const dueAt = started.checkIn.nextDueAt;
    expect(dueAt).toBe(startedAt + 10_000);
    // performance.now() when the scene clock read `startedAt` (both are monotonic ms).
    const realStart = performance.now() - (started.now - startedAt);

    jump(HOUR);
    await sleep(1500);
    const view = latestView(scene.console);
    expect(view?.stop, 'an hour forward stops nothing').toBeNull();
    expect(view?.phase).toBe('post-orgasm');
    expect(view?.checkIn.promptedAt).toBeNull();
    expect(anyRunning(sim)).toBe(true);

    jump(-2 * HOUR);
    const prompted = await viewShown(scene.console, (v) => v.checkIn.promptedAt !== null, 15_000);
    const promptedAt = prompted.checkIn.promptedAt;
    const realPrompt = performance.now();
    // Neither skipped nor early: due in scene time, and about 10 s of real time after the start.
    expect(promptedAt).toBe(dueAt);
    // (The view `realStart` comes from may be a heartbeat old, so the lower bound allows for that.)
    expect(realPrompt - realStart).toBeGreaterThan(10_000 - 400);
    expect(realPrompt - realStart).toBeLessThan(10_000 + 3000);
    expect(prompted.stop).toBeNull();

    jump(HOUR);
    const zero = watchZero(sim);
    const shown = await stopShown(scene.console, 10_000);
    expect(shown.stop).toMatchObject({ cause: 'checkin-missed', by: 'system' });
    // The stop falls exactly the agreed answer timeout after the prompt, in scene time...
    expect(shown.stop?.at).toBe((promptedAt ?? 0) + 3000);
    // ...and about that long in real time too (not an hour early or late).
    const realStop = performance.now() - realPrompt;
    expect(realStop).toBeGreaterThan(3000 - 100);
    expect(realStop).toBeLessThan(3000 + 3000);
    const took = await zero(realPrompt, 3000 + 3000);
    console.info(
      `clock jumps: check-in prompted ${Math.round(realPrompt - realStart)} ms after the start, stopped ${Math.round(realStop)} ms after it, toys at zero ${took} ms after the prompt (its deadline: 3000 ms)`,
    );
    scene.silence();
    const events = readLogReadOnly(r.dbPath, scene.sceneId);
    expectAckedStored(events, [scene.console, scene.panel]);
    expectReplayShows(events, shown);
  }, 20_000);
});
