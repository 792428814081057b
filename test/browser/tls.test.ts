import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { browserHarness } from './harness';
import {
  byTestId,
  connected,
  createSoloScene,
  phaseShown,
  storedScene,
  testStop,
  tickChecklist,
  toysAtZero,
  toysRunning,
} from './steps';

/**
 * `redline serve --tls-cert --tls-key` in Chromium: the page, its API calls and its WebSocket
 * all go over TLS (docs/security.md, "Someone on the same Wi-Fi"). The browser trusts this one
 * certificate, as a phone does once its owner installed or accepted it.
 */
describe('over TLS in Chromium', () => {
  const h = browserHarness({ tls: true });

  it('[S4] a solo scene runs over HTTPS and WSS, and RED stops everything', async () => {
    expect(h.r.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const solo = await h.open('panel');
    const sceneId = await createSoloScene(solo.page);
    await connected(solo.page);
    await phaseShown(solo.page, 'setup');
    await tickChecklist(solo.page);
    await testStop(solo.page);
    const start = byTestId(solo.page, 'console-start');
    await expect.poll(() => start.isEnabled(), { timeout: 5000 }).toBe(true);
    await start.click();
    await phaseShown(solo.page, 'warm-up');
    await toysRunning(h.r);
    await byTestId(solo.page, 'panel-red').tap();
    await toysAtZero(h.r, 2000);
    await byTestId(solo.page, 'aftercare').waitFor();
    expect(storedScene(h.r, sceneId).state.stop).toMatchObject({ cause: 'red', by: 'submissive' });
    await screenshot(solo.page, 'tls-solo-red-aftercare');
    // Everything went over TLS: the WebSocket too, and nothing in plain HTTP or WS.
    expect(solo.requests.some((url) => url.startsWith('wss://127.0.0.1:'))).toBe(true);
    expect(solo.requests.filter((url) => /^(http|ws):/.test(url))).toEqual([]);
  });
});
