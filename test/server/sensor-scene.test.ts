import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateTrace, type SceneEvent } from '../../src/core';
import type { CatalogueDevice } from '../../src/devices/buttplug-sim/catalogue';
import { startButtplugSimServer } from '../../src/devices/buttplug-sim/server';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { isType } from '../support/ws-client';
import { acked, api, latestView, pairedScene, sleep, until, viewWhere } from './scene-setup';

/**
 * Issue 6, "done when": a simulated scene started and stopped by sensor events end to end. The
 * real server and SQLite, the simulated Buttplug server with a plug that vibrates and reports
 * pressure, the adapter's real subscription: pressure fed through the simulator's input becomes an
 * orgasm the scene acts on, heart rate from the panel becomes a distress that stops it.
 */

/** No catalogue device both vibrates and reports pressure (the KGoal Boost only senses). */
const SENSING_PLUG: CatalogueDevice = {
  name: 'Redline Test Plug',
  protocol: 'lovense',
  features: [
    { index: 0, output: { Vibrate: { value: [0, 20] } } },
    { index: 1, input: { Pressure: { value: [0, 4095], command: ['Subscribe'] } } },
  ],
};
const DETECTION = {
  sensorOrgasm: 'start-post-orgasm',
  distress: { hrCeilingBpm: 150, sustainSeconds: 5, action: 'red' },
} as const;
/** Samples fed before the first contraction, so the detector has a baseline (ms of trace). */
const LEAD_MS = 4000;
const FEED_EVERY_MS = 40;

describe('a scene driven by its sensors, end to end', () => {
  let r: TestRedline;
  let beat: ReturnType<typeof setInterval> | undefined;
  beforeEach(async () => {
    const sim = await startButtplugSimServer({ port: 0, devices: [SENSING_PLUG] });
    r = await startTestRedline({ sim });
  });
  afterEach(async () => {
    clearInterval(beat);
    await r.close();
  });

  it('refuses a malformed detection, naming the field, and creates nothing', async () => {
    const setup = await api<{ devices: { id: string }[] }>(r.url, '/api/setup');
    const devices = setup.body.devices.map((d) => d.id);
    // A pair's detection is part of the agreement both sign (checked by the negotiation's draft);
    // a solo scene's comes with its request.
    const names = { submissive: 'Rin' };
    const cases: [unknown, string][] = [
      [{ sensorOrgasm: 'always', distress: null }, 'detection.sensorOrgasm'],
      [{ distress: null }, 'detection.sensorOrgasm'],
      [{ ...DETECTION, extra: 1 }, 'detection'],
      [
        { ...DETECTION, distress: { ...DETECTION.distress, hrCeilingBpm: 300 } },
        'detection.distress.hrCeilingBpm',
      ],
      [
        { ...DETECTION, distress: { ...DETECTION.distress, sustainSeconds: 1 } },
        'detection.distress.sustainSeconds',
      ],
      [
        { ...DETECTION, distress: { ...DETECTION.distress, action: 'stop' } },
        'detection.distress.action',
      ],
      ['yes', 'detection'],
    ];
    for (const [detection, field] of cases) {
      const answer = await api<{ error: string }>(r.url, '/api/scenes', {
        body: { mode: 'solo', names, devices, detection },
      });
      expect(answer.status, JSON.stringify(detection)).toBe(400);
      expect(answer.body.error).toContain(`${field}:`);
    }
    expect(r.server.store.scenes()).toHaveLength(0);
  });

  it('detected pressure starts the post-orgasm phase; heart rate above the ceiling stops the scene', async () => {
    const began = Date.now();
    const scene = await pairedScene(r.url, { detection: DETECTION });
    const { console: con, panel } = scene;
    const sceneId = scene.created.sceneId;
    const stored = r.server.store.events(sceneId);
    if (!stored.ok) throw new Error(stored.errors.join('; '));
    const created = stored.value[0];
    expect(created?.type === 'scene.created' && created.agreement.detection).toEqual(DETECTION);

    panel.frame({ type: 'heartbeat' });
    beat = setInterval(() => panel.frame({ type: 'heartbeat' }), 400);
    const welcome = con.frames.find(isType('welcome'));
    if (welcome === undefined) throw new Error('no welcome');
    for (const item of welcome.view.setup.checklist)
      expect(await acked(con, con.frame({ type: 'setup.check', item, done: true }))).toMatchObject({
        type: 'ack',
      });
    // Through the device server: a pressure reading from the plug reaches the scene's view.
    let probe = 1000;
    await until(
      () => {
        probe += 1;
        r.sim.setInput(0, 1, 'Pressure', probe);
        return latestView(con)?.pressure?.value !== undefined;
      },
      8000,
      'a pressure reading through the device server',
    );
    panel.frame({ type: 'stop.test' });
    await viewWhere(con, (v) => v.setup.testStop?.ok === true);
    await viewWhere(con, (v) => v.setup.missing.length === 0);
    const start = await acked(con, con.frame({ type: 'start' }));
    expect(start, JSON.stringify(start)).toMatchObject({ type: 'ack' });
    const device = welcome.view.devices[0];
    const feature = device?.features[0];
    if (device === undefined || feature === undefined) throw new Error('no device');
    con.frame({ type: 'intensity', device: device.id, feature: feature.id, value: 0.3 });
    await until(() => r.sim.outputs().some((o) => o.value !== 0), 8000, 'the plug to run');

    // A regular series of contractions with no artifacts, onset 12 s into the trace.
    const trace = generateTrace(
      {
        sampleRateHz: 1000 / FEED_EVERY_MS,
        durationMs: 40_000,
        heartRate: false,
        orgasm: { regularSeries: true, intensity: 'intense', at_ms: 12_000 },
        artifacts: { 'motor-start': 0, 'power-jump': 0, clench: 0, movement: 0, gap: 0 },
      },
      7,
    );
    const label = trace.labels.find((l) => l.type === 'orgasm');
    if (label?.type !== 'orgasm') throw new Error('the trace has an orgasm');
    const samples = trace.samples.filter(
      (s) => s.t_ms >= label.t_ms - LEAD_MS && s.t_ms <= label.end_ms,
    );

    // The samples go in as the device would send them: the simulated server's Pressure input,
    // through the adapter's subscription (kept across the set-up's test stop), to the detector.
    // Real time: each tick feeds the sample due now (late ticks skip samples rather than stretch
    // the rhythm), since the scene stamps readings with its own clock.
    const fedFrom = Date.now();
    let fed = 0;
    let lastIndex = -1;
    while (latestView(con)?.phase !== 'post-orgasm') {
      const index = Math.floor((Date.now() - fedFrom) / FEED_EVERY_MS);
      const sample = samples[index];
      if (sample === undefined) break;
      if (index !== lastIndex) {
        r.sim.setInput(0, 1, 'Pressure', Math.round(sample.pressure));
        lastIndex = index;
        fed = sample.t_ms - (samples[0]?.t_ms ?? 0);
      }
      await sleep(FEED_EVERY_MS / 4);
    }
    const post = await viewWhere(con, (v) => v.phase === 'post-orgasm', 3000);
    expect(post.type === 'view' || post.type === 'welcome').toBe(true);
    const feedMs = Date.now() - fedFrom;
    const afterOrgasm = r.server.store.events(sceneId);
    if (!afterOrgasm.ok) throw new Error(afterOrgasm.errors.join('; '));
    const detected = afterOrgasm.value.filter((e) => e.type === 'orgasm.detected');
    expect(detected).toHaveLength(1);
    expect(detected[0]).toMatchObject({ by: 'sensor' });
    // Not before the first contraction was fed: no false alarm on the lead-in.
    expect(fed).toBeGreaterThan(LEAD_MS);
    // Still running, nothing marked by hand.
    expect(afterOrgasm.value.some((e: SceneEvent) => e.type === 'orgasm.marked')).toBe(false);
    expect(r.sim.outputs().some((o) => o.value !== 0)).toBe(true);

    // Heart rate above the agreed 150 bpm for more than the agreed 5 s: distress, red.
    const hrFrom = Date.now();
    const hr = setInterval(
      () => panel.frame({ type: 'reading', kind: 'heart-rate', bpm: 165 }),
      500,
    );
    try {
      const stopped = await viewWhere(con, (v) => v.stop !== null, 9000);
      expect(stopped.type === 'view' && stopped.view.stop).toMatchObject({ cause: 'distress' });
    } finally {
      clearInterval(hr);
    }
    expect(Date.now() - hrFrom).toBeGreaterThanOrEqual(5000);
    await until(() => r.sim.outputs().every((o) => o.value === 0), 2000, 'every output at zero');
    const last = r.server.store.events(sceneId);
    if (!last.ok) throw new Error(last.errors.join('; '));
    expect(last.value.some((e) => e.type === 'distress.detected' && e.by === 'sensor')).toBe(true);
    console.info(
      `sensor scene: post-orgasm reached after ${feedMs} ms of feed (${LEAD_MS} ms lead-in, then ` +
        `detection and the agreed orgasm phase), ` +
        `distress stop after ${Date.now() - hrFrom} ms, whole test ${Date.now() - began} ms`,
    );
  });
});
