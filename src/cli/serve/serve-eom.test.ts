import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startEdgeOMaticSim,
  type EdgeOMaticSim,
} from '../../devices/edge-o-matic/edge-o-matic-sim';
import { acked, api, signIn, type Signed } from '../../../test/server/scene-setup';
import { orgasmTrace } from '../../../test/server/pressure-feed';
import { captureIo } from '../capture-io';
import { EXIT } from '../io';
import { serveCommand } from './serve-command';

/**
 * `redline serve --eom URL`: an Edge-o-Matic 3000 (here the simulated one, on a real socket) as
 * the scene's toy and sensor. Its pressure stream reaches a scene's orgasm detector through the
 * same hub listener as a Buttplug Pressure input, and a detection starts the orgasm phase.
 */

const EVERY_MS = Math.round(1000 / 15);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Streams pressure at the device's 15 Hz: the trace's quiet lead-in over and over, then all of it. */
function streamer(sim: EdgeOMaticSim) {
  const { samples, onsetMs } = orgasmTrace(15, 4000);
  const loop = Math.max(
    1,
    samples.findIndex((s) => s.t_ms >= onsetMs - 2000),
  );
  let next = 0;
  let playing = false;
  const timer = setInterval(() => {
    const sample = samples[playing ? next : next % loop];
    if (sample === undefined) return;
    sim.pushReading({ pressure: Math.round(sample.pressure), pavg: 2000, arousal: 0 });
    next += 1;
  }, EVERY_MS);
  cleanups.push(() => {
    clearInterval(timer);
  });
  return {
    play() {
      playing = true;
      next = 0;
    },
  };
}

const viewOf = (screen: Signed) =>
  screen.frames.flatMap((f) => (f.type === 'view' || f.type === 'welcome' ? [f.view] : [])).at(-1);

describe('redline serve --eom', () => {
  it('uses an Edge-o-Matic: its motor is the toy, its pressure reaches the scene, a detected orgasm starts the orgasm phase', async () => {
    const sim = await startEdgeOMaticSim({ readings: { pattern: false } });
    cleanups.push(() => sim.close());
    const feed = streamer(sim);
    const data = mkdtempSync(join(tmpdir(), 'redline-serve-eom-'));
    cleanups.push(() => {
      rmSync(data, { recursive: true, force: true });
    });
    const capture = captureIo();
    let stop!: () => void;
    const stopWhen = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let url = '';
    const run = serveCommand(['--eom', sim.url, '--port', '0', '--data', data], capture.io, {
      stopWhen,
      signals: () => () => undefined,
      onReady: (u) => {
        url = u;
      },
    });
    for (let waited = 0; url === ''; waited += 20) {
      if (waited > 10_000) throw new Error(`serve did not start: ${capture.stderr()}`);
      await sleep(20);
    }
    cleanups.push(async () => {
      stop();
      await run;
    });
    expect(capture.stdout()).toContain(`the Edge-o-Matic at ${sim.url}`);

    const setup = await api<{ devices: { id: string; name: string }[] }>(url, '/api/setup');
    expect(setup.body.devices).toMatchObject([{ id: 'eom', name: 'Edge-o-Matic 3000' }]);
    const created = await api<{ sceneId: string; secret: string }>(url, '/api/scenes', {
      body: {
        mode: 'solo',
        names: { submissive: 'Rin' },
        devices: ['eom'],
        detection: { sensorOrgasm: 'start-post-orgasm', distress: null },
      },
    });
    expect(created.status).toBe(201);
    const solo = await signIn(url, created.body.sceneId, created.body.secret);
    cleanups.push(() => solo.close());
    const beat = setInterval(() => solo.frame({ type: 'heartbeat' }), 300);
    cleanups.push(() => {
      clearInterval(beat);
    });
    // Every heartbeat is a step, so the views carry the latest reading of the Edge-o-Matic.
    await solo.latestOrNext((f) => f.type === 'view' && f.view.pressure !== null, 5000);
    const welcome = solo.frames.find((f) => f.type === 'welcome');
    if (welcome?.type !== 'welcome') throw new Error('no welcome');
    for (const item of welcome.view.setup.checklist)
      expect(
        await acked(solo, solo.frame({ type: 'setup.check', item, done: true })),
      ).toMatchObject({ type: 'ack' });
    solo.frame({ type: 'stop.test' });
    await solo.latestOrNext((f) => f.type === 'view' && f.view.setup.missing.length === 0, 8000);
    expect(await acked(solo, solo.frame({ type: 'start' }))).toMatchObject({ type: 'ack' });
    // The plan's warm-up runs the Edge-o-Matic's motor.
    for (let waited = 0; sim.motor() === 0; waited += 20) {
      if (waited > 8000) throw new Error('the motor never ran');
      await sleep(20);
    }
    // Past the motor start's suspect window, the contractions come.
    await sleep(2000);
    feed.play();
    await solo.latestOrNext((f) => f.type === 'view' && f.view.phase === 'orgasm', 20_000);
    expect(viewOf(solo)?.stop).toBeNull();

    await acked(solo, solo.frame({ type: 'safeword', word: 'red' }));
    for (let waited = 0; sim.motor() !== 0; waited += 10) {
      if (waited > 2000) throw new Error('the motor did not stop');
      await sleep(10);
    }
    stop();
    expect(await run).toBe(EXIT.ok);
  });

  it('refuses --eom with another device source, or without an address, and starts nothing', async () => {
    for (const args of [
      ['--eom', 'ws://127.0.0.1:9/', '--sim'],
      ['--eom', 'ws://127.0.0.1:9/', '--buttplug', 'ws://127.0.0.1:12345'],
      ['--eom', 'eom3k.local'],
    ]) {
      const capture = captureIo();
      expect(await serveCommand(args, capture.io), args.join(' ')).toBe(EXIT.usage);
      expect(capture.stderr()).toMatch(/^redline serve: /);
      expect(capture.stdout()).toBe('');
    }
  });

  it('exits 3 when the Edge-o-Matic cannot be reached, with a hint', async () => {
    const data = mkdtempSync(join(tmpdir(), 'redline-serve-eom-'));
    cleanups.push(() => {
      rmSync(data, { recursive: true, force: true });
    });
    const capture = captureIo();
    const status = await serveCommand(
      ['--eom', 'ws://127.0.0.1:9/', '--port', '0', '--data', data],
      capture.io,
    );
    expect(status).toBe(EXIT.unreachable);
    expect(capture.stderr()).toContain('Edge-o-Matic');
  });
});
