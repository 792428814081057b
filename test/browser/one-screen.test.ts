import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { controlProblems, controlsOf } from './controls';
import { browserHarness } from './harness';
import {
  anyOutputRunning,
  byTestId,
  connected,
  createSoloScene,
  pairedScreens,
  phaseShown,
  setUpAndStart,
  storedScene,
  testStop,
  tickChecklist,
  toysAtZero,
  toysRunning,
} from './steps';

/** Solo mode on one phone, and the panel's RED for people who do not use a touch screen. */
describe('one screen in Chromium: solo, and the panel by keyboard', () => {
  const h = browserHarness();

  it('[S1] [S4] solo: set up and start on one screen, the plan runs the toy, RED stops everything, aftercare shows; once let go, the page says the scene ended', async () => {
    const solo = await h.open('panel');
    const sceneId = await createSoloScene(solo.page);
    await connected(solo.page);
    expect(solo.requests.some((url) => url.startsWith('ws:'))).toBe(true);
    await phaseShown(solo.page, 'setup');
    const start = byTestId(solo.page, 'console-start');
    expect(await start.isDisabled()).toBe(true);
    await screenshot(solo.page, 'solo-1-set-up');
    await tickChecklist(solo.page);
    expect(await start.isDisabled()).toBe(true);
    await testStop(solo.page);
    await expect.poll(() => start.isEnabled(), { timeout: 5000 }).toBe(true);
    await start.click();
    await phaseShown(solo.page, 'warm-up');
    // Nobody moves a slider in solo: the agreed plan sets the level.
    await toysRunning(h.r);
    await screenshot(solo.page, 'solo-2-warm-up');

    await byTestId(solo.page, 'panel-red').tap();
    await toysAtZero(h.r, 2000);
    await byTestId(solo.page, 'aftercare').waitFor();
    expect(storedScene(h.r, sceneId).state.stop).toMatchObject({ cause: 'red', by: 'submissive' });
    await screenshot(solo.page, 'solo-3-red-aftercare');
    expect(anyOutputRunning(h.r)).toBe(false);

    // Watched, the stopped scene stays; left, the server lets it go (after an hour, here at once).
    const { registry } = h.r.server;
    registry.retireIdle();
    expect(registry.retireIdle()).toBe(0);
    await solo.page.goto('/#/');
    await expect.poll(() => registry.get(sceneId)?.screens(), { timeout: 5000 }).toBe(0);
    registry.retireIdle();
    expect(registry.retireIdle()).toBe(1);
    // Coming back: no aftercare to rebuild, but the scene is not lost.
    await solo.page.goto(`/#/solo/${sceneId}`);
    await byTestId(solo.page, 'scene-ended').waitFor();
    expect(await byTestId(solo.page, 'connection-status').first().getAttribute('data-status')).toBe(
      'ended',
    );
    expect(await solo.page.getByText('Not connected').count()).toBe(0);
    await screenshot(solo.page, 'solo-4-ended');
    await byTestId(solo.page, 'scene-ended-debrief').click();
    await byTestId(solo.page, 'debrief-form').waitFor();
  });

  it('[S4] the panel: every button has a name and is at least 48×48 px in every phase, and RED works by keyboard (Tab, Enter)', async () => {
    const { con, panel, sceneId } = await pairedScreens(h, { pairBy: 'link', shots: null });
    const setUp = await controlsOf(panel);
    expect(setUp.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Red: Stop everything', 'Test stop']),
    );
    expect(controlProblems(setUp)).toEqual([]);

    await setUpAndStart(h, con, panel, null);
    const live = await controlsOf(panel);
    expect(live.filter((c) => c.role === 'button').length).toBeGreaterThanOrEqual(3);
    expect(controlProblems(live)).toEqual([]);

    // By keyboard: Tab from the top of the page until RED has the focus, then Enter.
    const focused = async () =>
      (await panel.page.locator('[data-testid="panel-red"]:focus').count()) === 1;
    for (let tabs = 0; !(await focused()); tabs++) {
      expect(tabs, 'RED is reachable with Tab').toBeLessThan(10);
      await panel.page.keyboard.press('Tab');
    }
    expect(anyOutputRunning(h.r)).toBe(true);
    await panel.page.keyboard.press('Enter');
    await toysAtZero(h.r, 2000);
    await byTestId(panel.page, 'aftercare').waitFor();
    expect(storedScene(h.r, sceneId).state.stop).toMatchObject({ cause: 'red', by: 'submissive' });
    expect(controlProblems(await controlsOf(panel))).toEqual([]);
  });
});
