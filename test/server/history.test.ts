import { afterEach, describe, expect, it } from 'vitest';
import type { Agreement, SceneEvent } from '../../src/core';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { isType } from '../support/ws-client';
import { acked, api, pairedScene, sleep, until, viewWhere } from './scene-setup';

/**
 * Issue 7, item 4: a scene's history. The real server and SQLite file and the simulated Buttplug
 * server: readings stored thinned, the red's stop timing stored after the stop went out, the
 * history for the scene's two participants only, still there after a restart.
 */
type History = {
  sceneId: string;
  mode: 'pair' | 'solo';
  createdWallMs: number;
  agreementHash: string;
  agreement: Agreement;
  events: SceneEvent[];
  readings: { at: number; kind: 'pressure' | 'heart-rate'; value: number }[];
  stopTimings: { at: number; reachedAfterMs: number }[];
};

const history = (url: string, sceneId: string, secret?: string) =>
  api<History>(url, `/api/scenes/${sceneId}/history`, {
    headers: secret === undefined ? {} : { authorization: `Bearer ${secret}` },
  });

/** Pairs, sets up, starts and runs the first output; then readings; then the panel's red. */
async function sceneStoppedByRed(r: TestRedline) {
  const scene = await pairedScene(r.url);
  const { console: con, panel } = scene;
  panel.frame({ type: 'heartbeat' });
  const beat = setInterval(() => panel.frame({ type: 'heartbeat' }), 400);
  try {
    const welcome = con.frames.find(isType('welcome'));
    if (welcome === undefined) throw new Error('no welcome');
    for (const item of welcome.view.setup.checklist)
      await acked(con, con.frame({ type: 'setup.check', item, done: true }));
    panel.frame({ type: 'stop.test' });
    await viewWhere(con, (v) => v.setup.missing.length === 0);
    expect(await acked(con, con.frame({ type: 'start' }))).toMatchObject({ type: 'ack' });
    const device = welcome.view.devices[0];
    const feature = device?.features[0];
    if (device === undefined || feature === undefined) throw new Error('no device');
    con.frame({ type: 'intensity', device: device.id, feature: feature.id, value: 0.3 });
    await until(() => r.sim.outputs().some((o) => o.value !== 0), 8000, 'the toy to run');

    // Pressure at about 50 Hz for 1.2 s (as a sensor would send it), heart rate once a second.
    const runtime = r.server.registry.get(scene.created.sceneId);
    if (runtime === undefined) throw new Error('no runtime');
    let fed = 0;
    for (let i = 0; i < 60; i++) {
      runtime.pressure(1000 + i);
      fed += 1;
      if (i % 50 === 0)
        await acked(panel, panel.frame({ type: 'reading', kind: 'heart-rate', bpm: 90 + i / 50 }));
      await sleep(20);
    }
    expect(await acked(panel, panel.frame({ type: 'safeword', word: 'red' }))).toMatchObject({
      type: 'ack',
    });
    await until(() => r.sim.outputs().every((o) => o.value === 0), 2000, 'the toys to stop');
    await until(
      () => r.server.store.history.stopTimings(scene.created.sceneId).length > 0,
      3000,
      'the stop timing',
    );
    return { ...scene, fed };
  } finally {
    clearInterval(beat);
  }
}

describe('a scene’s history', () => {
  const running: TestRedline[] = [];
  afterEach(async () => {
    for (const r of running.splice(0)) await r.close();
  });

  it('[S1] stores readings thinned and the red’s stop timing, and gives both partners the whole history', async () => {
    const r = await startTestRedline();
    running.push(r);
    const scene = await sceneStoppedByRed(r);
    const { sceneId } = scene.created;

    const dominant = await history(r.url, sceneId, scene.created.secret);
    const submissive = await history(r.url, sceneId, scene.panelSecret);
    expect(dominant.status).toBe(200);
    expect(submissive.status).toBe(200);
    expect(submissive.body).toEqual(dominant.body);
    const h = dominant.body;
    expect(h).toMatchObject({
      sceneId,
      mode: 'pair',
      agreementHash: scene.created.signed?.agreementHash,
    });
    expect(h.agreement).toEqual(scene.created.signed?.agreement);
    expect(h.events[0]?.type).toBe('scene.created');
    expect(h.events).toContainEqual(
      expect.objectContaining({ type: 'safeword', word: 'red', by: 'submissive' }),
    );
    const stop = h.events.find((e) => e.type === 'safeword');

    // Thinned: at most one pressure reading per 200 ms window, far fewer than were fed.
    const pressures = h.readings.filter((x) => x.kind === 'pressure');
    expect(pressures.length).toBeGreaterThanOrEqual(3);
    expect(pressures.length).toBeLessThan(scene.fed / 3);
    const windows = pressures.map((x) => Math.floor(x.at / 200));
    expect(new Set(windows).size).toBe(windows.length);
    expect(pressures.at(-1)?.value).toBe(1000 + scene.fed - 1);
    expect(h.readings.filter((x) => x.kind === 'heart-rate').map((x) => x.value)).toEqual([90, 91]);

    // One stop, timed from the red reaching the scene to the device server's confirmation.
    expect(h.stopTimings).toHaveLength(1);
    const timing = h.stopTimings[0];
    expect(timing?.at).toBeGreaterThanOrEqual(stop?.at ?? Infinity);
    expect(timing?.reachedAfterMs).toBeGreaterThan(0);
    expect(timing?.reachedAfterMs).toBeLessThan(250);
  });

  it('answers 401 alike for a wrong or missing secret and an unknown scene, and counts the failures', async () => {
    const r = await startTestRedline();
    running.push(r);
    const scene = await pairedScene(r.url);
    const { sceneId } = scene.created;
    const wrong = await history(r.url, sceneId, 'x'.repeat(43));
    const missing = await history(r.url, sceneId);
    const unknown = await history(r.url, 'no-such-scene', scene.created.secret);
    const malformed = await history(r.url, sceneId, 'short');
    for (const refused of [wrong, missing, unknown, malformed]) {
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({ error: 'unknown scene or secret', code: 'unauthorized' });
    }
    // A negotiation secret is not a scene secret.
    const negotiationSecret = scene.created.signed?.secrets.dominant ?? '';
    expect((await history(r.url, sceneId, negotiationSecret)).status).toBe(401);
    // Ten failures from one address, then pairing is refused for a while: the limiter is shared.
    for (let i = 0; i < 8; i++) await history(r.url, sceneId, 'y'.repeat(43));
    const pair = await api(r.url, '/api/pair', { body: { code: 'ABCDEF' } });
    expect(pair.status).toBe(429);
    await scene.console.close();
    await scene.panel.close();
  });

  it('[S7] keeps a closed scene’s history readable after a restart', async () => {
    const first = await startTestRedline();
    let scene: Awaited<ReturnType<typeof sceneStoppedByRed>>;
    try {
      scene = await sceneStoppedByRed(first);
    } catch (error) {
      await first.close();
      throw error;
    }
    const { sceneId } = scene.created;
    const before = await history(first.url, sceneId, scene.panelSecret);
    await scene.console.close();
    await scene.panel.close();
    // Keeps the data folder and the device server for the second run, which closes both.
    await first.stop();
    while (first.sim.clientName() !== null) await sleep(20);

    const second = await startTestRedline({ dataDir: first.dataDir, sim: first.sim });
    running.push(second);
    const after = await history(second.url, sceneId, scene.panelSecret);
    expect(after.status).toBe(200);
    // The same scene: its log as it was (a restart adds nothing to a stopped scene's log).
    expect(after.body.events.slice(0, before.body.events.length)).toEqual(before.body.events);
    expect(after.body.readings).toEqual(before.body.readings);
    expect(after.body.stopTimings).toEqual(before.body.stopTimings);
    expect((await history(second.url, sceneId, scene.created.secret)).status).toBe(200);
  });
});
