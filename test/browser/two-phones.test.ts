import { describe, expect, it } from 'vitest';
import { browserHarness } from './harness';
import {
  byTestId,
  everyOutputAtZero,
  phaseShown,
  runningScene,
  shootBoth,
  storedScene,
  toysAtZero,
  toysRunning,
} from './steps';

/**
 * A scene for two in real Chromium: the dominant's console on a laptop-sized screen and the
 * receiver's panel on a phone-sized touch screen, as two browser contexts (two devices), against
 * the real server, real SQLite and the simulated Buttplug server. Screenshots of each step go to
 * test-artifacts/browser/.
 */
describe('two phones in Chromium: the console and the panel', () => {
  const h = browserHarness();

  it('[S1] [S6] [S7] the whole scene: pair, set up, warm-up, orgasm, post-orgasm, RED on the panel, aftercare on both', async () => {
    const { con, panel, sceneId } = await runningScene(h, { pairBy: 'type', shots: 'scene' });
    await shootBoth('scene-4-warm-up', con, panel);

    await byTestId(con.page, 'console-mark-orgasm').click();
    await phaseShown(con.page, 'orgasm');
    await byTestId(con.page, 'console-next-phase').click();
    await phaseShown(con.page, 'post-orgasm');
    await phaseShown(panel.page, 'post-orgasm');
    await toysRunning(h.r);
    await shootBoth('scene-5-post-orgasm', con, panel);

    await byTestId(panel.page, 'panel-red').tap();
    await toysAtZero(h.r, 2000);
    await byTestId(panel.page, 'aftercare').waitFor();
    await byTestId(con.page, 'aftercare').waitFor();
    await phaseShown(panel.page, 'stopped');
    await byTestId(con.page, 'aftercare').getByText('Sam called red.').waitFor();

    const stored = storedScene(h.r, sceneId);
    expect(stored.events).toContainEqual(
      expect.objectContaining({ type: 'safeword', word: 'red', by: 'submissive' }),
    );
    expect(stored.state.stop).toMatchObject({ cause: 'red', by: 'submissive' });
    expect(stored.state.phase).toBe('stopped');
    await shootBoth('scene-6-red-aftercare', con, panel);
    // Red is final (S6): the toys stay at zero.
    expect(everyOutputAtZero(h.r)).toBe(true);
  });

  it('[S5] the panel closing mid-scene stops every toy within the heartbeat timeout, and the console shows why', async () => {
    const { con, panel, sceneId } = await runningScene(h, { pairBy: 'link', shots: null });
    const timeoutMs = 5000; // the template agreement's panel.heartbeatTimeoutSeconds
    await panel.context.close();
    const closedAt = performance.now();
    // The timeout runs from the last heartbeat (≤ 1 s before the close); a busy CI machine gets
    // a generous margin on top. The stop itself is the point.
    await toysAtZero(h.r, 2 * timeoutMs);
    const stoppedAfterMs = performance.now() - closedAt;
    expect(stoppedAfterMs).toBeLessThan(2 * timeoutMs);
    await byTestId(con.page, 'aftercare').getByText('panel went quiet').waitFor();
    expect(storedScene(h.r, sceneId).state.stop).toMatchObject({
      cause: 'panel-lost',
      by: 'system',
    });
  });
});
