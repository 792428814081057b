import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { browserHarness } from './harness';
import { byTestId, runningScene, toysAtZero } from './steps';

/**
 * Issue 7, item 4, in real Chromium: after a scene for two stopped by the receiver's red, the
 * console's browser lists it under past scenes, and its page shows the plot, how fast the stop
 * reached the toys, and a replay of the event log that ends stopped. The panel's phone may open
 * the same history (both partners shared the scene).
 */
describe('history in Chromium', () => {
  const h = browserHarness();

  it('[S7] a past scene: listed, plotted, the stop timing shown, replayed to the stop', async () => {
    const { con, panel, sceneId } = await runningScene(h, { pairBy: 'link', shots: null });
    // Pressure as a sensing toy would report it (the device bridge's entry), paced at 40 Hz.
    const runtime = h.r.server.registry.get(sceneId);
    for (let i = 0; i < 60; i++) {
      runtime?.pressure(1500 + 200 * Math.sin(i / 6));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await byTestId(panel.page, 'panel-red').tap();
    await toysAtZero(h.r, 2000);
    await byTestId(con.page, 'aftercare').waitFor();
    await expect
      .poll(() => h.r.server.store.history.stopTimings(sceneId).length, { timeout: 5000 })
      .toBe(1);

    await con.page.evaluate('location.hash = "#/history"');
    const row = byTestId(con.page, `history-scene-${sceneId}`);
    await row.getByText('called red.').waitFor();
    await row.getByText('for two').waitFor();
    await screenshot(con.page, 'history-1-list-console');

    await row.getByRole('link').click();
    await byTestId(con.page, 'scene-history-page').waitFor();
    await byTestId(con.page, 'history-plot').locator('canvas').waitFor();
    await byTestId(con.page, 'history-plot').getByText('Pressure', { exact: true }).waitFor();
    const timing = byTestId(con.page, 'history-stop-timing');
    await timing.getByText(/The stop reached the toys in \d+(\.\d)?\s?ms\./).waitFor();
    await byTestId(con.page, 'history-events').getByText('Stopped. Sam called red.').waitFor();
    await screenshot(con.page, 'history-2-scene-console');

    const phase = byTestId(con.page, 'replay-phase');
    expect(await phase.textContent()).toBe('Set-up');
    await byTestId(con.page, 'replay-play').click();
    await expect.poll(() => phase.textContent(), { timeout: 30_000 }).toBe('Stopped');
    await screenshot(con.page, 'history-3-replayed-console');

    // A phone's width: nothing wider than the screen.
    await con.page.setViewportSize({ width: 360, height: 800 });
    await expect
      .poll(() => con.page.evaluate('document.documentElement.scrollWidth'), { timeout: 5000 })
      .toBeLessThanOrEqual(360);
    await screenshot(con.page, 'history-4-scene-360');

    // The receiver's phone holds its own key for the same scene.
    await panel.page.evaluate('location.hash = "#/history"');
    await byTestId(panel.page, `history-scene-${sceneId}`).getByText('called red.').waitFor();
    await screenshot(panel.page, 'history-5-list-panel');
  });
});
