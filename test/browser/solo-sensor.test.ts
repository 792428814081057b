import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startButtplugSimServer } from '../../src/devices/buttplug-sim/server';
import {
  foreignRequests,
  launchChromium,
  openPhone,
  screenshot,
  WEB_ROOT,
  type Phone,
} from '../support/browser';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import {
  feedTrace,
  liveLatency,
  orgasmTrace,
  SENSING_PLUG,
  watchArrivals,
} from '../server/pressure-feed';
import { api, type Created } from '../server/scene-setup';
import {
  anyOutputRunning,
  byTestId,
  connected,
  phaseShown,
  storedScene,
  testStop,
  tickChecklist,
  toysAtZero,
  toysRunning,
} from './steps';

/**
 * Issue 6 on one screen in Chromium: a solo scene whose agreement lets a sensor start the
 * post-orgasm course. Pressure from the simulated device server's plug (its Pressure input, the
 * adapter's subscription) is detected as an orgasm; the screen moves on by itself, through the
 * agreed orgasm phase to post-orgasm, showing the live pressure while it is fed and a calm note
 * once the sensor marked the orgasm; RED on the screen stops every simulated output; aftercare
 * shows. The new-scene page has no `detection` yet, so the scene is created through the HTTP API
 * (as that page does) and its secret stored where the app keeps it (src/web/net/credentials.ts).
 */

const DETECTION = {
  sensorOrgasm: 'start-post-orgasm',
  distress: { hrCeilingBpm: 160, sustainSeconds: 10, action: 'red' },
} as const;
const FEED_EVERY_MS = 40;
const LEAD_MS = 4000;

describe('one screen in Chromium: a solo scene driven by its pressure sensor', () => {
  let browser: Browser | null = null;
  let r: TestRedline | null = null;
  let phone: Phone | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const sim = await startButtplugSimServer({ port: 0, devices: [SENSING_PLUG] });
    r = await startTestRedline({ sim, webRoot: WEB_ROOT });
  });
  afterEach(async (context) => {
    if (phone !== null && context.task.result?.state === 'fail')
      await screenshot(phone.page, 'failed-solo-sensor').catch(() => undefined);
    const foreign = phone === null || r === null ? [] : foreignRequests(phone.requests, r.url);
    const errors = phone?.errors ?? [];
    await phone?.context.close();
    await r?.close();
    phone = null;
    r = null;
    expect(foreign, 'requests to anyone but the Redline server (P1)').toEqual([]);
    expect(errors, 'errors in the page').toEqual([]);
  });

  /** A solo scene with `detection`, on one phone, set up and started: the plug runs. */
  async function startedSoloScene(detection: object) {
    if (browser === null || r === null) throw new Error('not started');
    const redline = r;
    const setup = await api<{ devices: { id: string }[] }>(redline.url, '/api/setup');
    const created = await api<Created>(redline.url, '/api/scenes', {
      body: {
        mode: 'solo',
        names: { submissive: 'Rin' },
        devices: setup.body.devices.map((d) => d.id),
        detection,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { sceneId, secret, role } = created.body;

    phone = await openPhone(browser, 'panel', redline.url);
    const { page } = phone;
    // As the new-scene page keeps it (saveCredentials): this browser's own secret for the scene.
    const key = `redline.credentials.${sceneId}`;
    const stored = JSON.stringify({ secret, role, lastSeq: 0, mode: 'solo' });
    await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(stored)})`);
    await page.goto(`#/solo/${sceneId}`);
    await connected(page);
    await phaseShown(page, 'setup');
    await tickChecklist(page);
    await testStop(page);
    const start = byTestId(page, 'console-start');
    await expect.poll(() => start.isEnabled(), { timeout: 5000 }).toBe(true);
    await start.click();
    await phaseShown(page, 'warm-up');
    await toysRunning(redline);
    return { redline, sceneId, page };
  }

  it('[S1] [S4] pressure starts the post-orgasm phase without a tap; RED stops every output; aftercare shows', async () => {
    const { redline, sceneId, page } = await startedSoloScene(DETECTION);

    // The plan's motor start is more than the detector's 3.5 s behind the onset (the lead-in).
    const { samples, onsetMs } = orgasmTrace(1000 / FEED_EVERY_MS, LEAD_MS);
    const watch = watchArrivals(redline.server, sceneId);
    const detected = () =>
      storedScene(redline, sceneId).events.find((e) => e.type === 'orgasm.detected');
    let abandoned = false;
    const feeding = feedTrace(
      redline.sim,
      samples,
      FEED_EVERY_MS,
      () => abandoned || detected() !== undefined,
    );
    try {
      // While the trace is fed, the screen shows the live pressure (the console's words): a value
      // the plug sent, fresh, without the stale warning.
      const pressure = byTestId(page, 'solo-pressure');
      await pressure.waitFor({ state: 'visible', timeout: 3000 });
      const sent = new Set(samples.map((s) => Math.round(s.pressure)));
      await expect
        .poll(async () => sent.has(Number((await pressure.textContent())?.split(' ')[0])), {
          timeout: 3000,
        })
        .toBe(true);
      expect(await byTestId(page, 'solo-pressure-stale').count()).toBe(0);
      expect(detected(), 'the read-out was seen before the detection').toBeUndefined();
      await screenshot(page, 'solo-sensor-0-pressure');
    } catch (error) {
      abandoned = true;
      throw error;
    } finally {
      if (abandoned) await feeding.catch(() => undefined);
    }
    const fed = await feeding;
    watch.stop();
    const event = detected();
    expect(event, 'the sensor detected the orgasm').toMatchObject({ by: 'sensor' });
    if (event === undefined) return;
    const latency = liveLatency(fed, watch.arrivals, onsetMs, event.at);
    expect(latency.sceneMs).toBeLessThanOrEqual(2500);

    // A calm note says the sensor marked it (no hand did); nothing asks to confirm it.
    const note = byTestId(page, 'solo-sensor-orgasm');
    await note.waitFor({ state: 'visible', timeout: 3000 });
    expect(await note.textContent()).toMatch(/^The sensor detected an orgasm/);
    expect(await byTestId(page, 'console-confirm-orgasm').count()).toBe(0);

    // Nobody tapped anything: the screen goes through the agreed orgasm phase to post-orgasm.
    await phaseShown(page, 'post-orgasm', 15_000);
    await expect
      .poll(() => note.textContent())
      .toBe('The sensor detected an orgasm: the post-orgasm phase is under way, as agreed.');
    const scene = storedScene(redline, sceneId);
    expect(scene.events.some((e) => e.type === 'orgasm.marked')).toBe(false);
    expect(scene.state.orgasms).toBe(1);
    expect(anyOutputRunning(redline)).toBe(true);
    await screenshot(page, 'solo-sensor-1-post-orgasm');

    await byTestId(page, 'panel-red').tap();
    await toysAtZero(redline, 2000);
    await byTestId(page, 'aftercare').waitFor();
    expect(storedScene(redline, sceneId).state.stop).toMatchObject({
      cause: 'red',
      by: 'submissive',
    });
    await screenshot(page, 'solo-sensor-2-red-aftercare');
    expect(anyOutputRunning(redline)).toBe(false);
  });

  it('asked to confirm: the person alone sees the detection and marks it with one button', async () => {
    const { redline, sceneId, page } = await startedSoloScene({
      ...DETECTION,
      sensorOrgasm: 'ask-dominant',
    });
    const { samples } = orgasmTrace(1000 / FEED_EVERY_MS, LEAD_MS);
    const detected = () =>
      storedScene(redline, sceneId).events.find((e) => e.type === 'orgasm.detected');
    await feedTrace(redline.sim, samples, FEED_EVERY_MS, () => detected() !== undefined);
    expect(detected(), 'the sensor detected the orgasm').toMatchObject({ by: 'sensor' });

    // Nothing moves on by itself: the screen asks, with the detector's confidence in words.
    const confirm = byTestId(page, 'console-confirm-orgasm');
    await confirm.waitFor({ state: 'visible', timeout: 3000 });
    expect(await confirm.textContent()).toMatch(
      /A sensor detected an orgasm \(\w+ confidence, \d+ %\)/,
    );
    expect(storedScene(redline, sceneId).state.orgasms).toBe(0);
    expect(await byTestId(page, 'solo-sensor-orgasm').count()).toBe(0);
    await screenshot(page, 'solo-sensor-3-confirm');

    await byTestId(page, 'console-confirm-orgasm-mark').tap();
    await phaseShown(page, 'orgasm');
    const marked = storedScene(redline, sceneId).events.find((e) => e.type === 'orgasm.marked');
    expect(marked, 'marked by hand').toMatchObject({ by: 'submissive' });
    await confirm.waitFor({ state: 'detached', timeout: 2000 });
    // Marked by hand, so no note about the sensor.
    expect(await byTestId(page, 'solo-sensor-orgasm').count()).toBe(0);
  });
});
