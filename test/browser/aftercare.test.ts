import { describe, expect, it } from 'vitest';
import { followUpTimes } from '../../src/core';
import { screenshot } from '../support/browser';
import { browserHarness } from './harness';
import { byTestId, phaseShown, runningScene, shootBoth, storedScene, toysAtZero } from './steps';

/**
 * After the stop (issue 7): aftercare on both screens, each partner's debrief (private first,
 * then only what they share: P3), the follow-up on the home page when it comes due, and the
 * debrief's suggestion in the couple's next agreement. The follow-up's hours are the browser's
 * own clock moved ahead (Playwright's clock), never waited for.
 */

const SAM_MARK = 'Sam-private-Vq3k';

describe('after the scene: aftercare, debrief, follow-up, next agreement', () => {
  const h = browserHarness();

  it('[S6] [P3] red → aftercare on both; debriefs private until shared; the follow-up; the suggestion next time', async () => {
    const { con, panel, sceneId } = await runningScene(h, { pairBy: 'type', shots: null });
    const negotiationId = h.r.server.store.scene(sceneId)?.negotiationId ?? '';
    expect(negotiationId).not.toBe('');

    // Red on the panel: both screens turn to aftercare, with the agreed items and the timer.
    await byTestId(panel.page, 'panel-red').tap();
    await toysAtZero(h.r);
    for (const phone of [con, panel]) {
      const care = byTestId(phone.page, 'aftercare');
      await care.waitFor();
      await care.getByText('a warm blanket').waitFor();
      await care.getByRole('timer').waitFor();
      await care.getByText(/Redline will check in with you in about 3 hours/).waitFor();
    }
    await phaseShown(panel.page, 'stopped');
    // "Remind me" asks for permission on the press only; granted here, it says so.
    await panel.context.grantPermissions(['notifications']);
    await byTestId(panel.page, 'aftercare-remind').tap();
    await panel.page.getByText('This device will also remind you').waitFor();
    await shootBoth('aftercare-1-aftercare', con, panel);

    // Both open the debrief from aftercare and answer privately.
    await byTestId(panel.page, 'aftercare-debrief-link').tap();
    await byTestId(con.page, 'aftercare-debrief-link').click();
    for (const phone of [con, panel]) {
      await phone.page.waitForURL(new RegExp(`#/debrief/${sceneId}$`));
      await byTestId(phone.page, 'debrief-form').getByText('Only you see this.').waitFor();
    }
    // Sam's first debrief on this device offers the guide's reflective questions.
    await byTestId(panel.page, 'reflective-questions').waitFor();

    const sam = panel.page;
    await byTestId(sam, 'debrief-scale-2').check();
    await byTestId(sam, 'debrief-words').fill(`${SAM_MARK} wobbly and tired`);
    await byTestId(sam, 'debrief-intensity-too-high').check();
    await byTestId(sam, 'debrief-limit-approached').check();
    await byTestId(sam, 'debrief-which-intensity').check();
    await byTestId(sam, 'debrief-signal-no').check();
    await byTestId(sam, 'debrief-keep').fill(`${SAM_MARK} the slow start`);
    await byTestId(sam, 'debrief-change').fill(`${SAM_MARK} gentler after orgasm`);
    await byTestId(sam, 'debrief-save').tap();
    await byTestId(sam, 'debrief-save-status').getByText('Saved').waitFor();

    const alex = con.page;
    await byTestId(alex, 'debrief-intensity-right').check();
    await byTestId(alex, 'debrief-keep').fill('The check-ins felt caring.');
    await byTestId(alex, 'debrief-save').click();
    await byTestId(alex, 'debrief-save-status').getByText('Saved').waitFor();
    await byTestId(alex, 'debrief-partner').getByText('Nothing yet.').waitFor();

    // Sam shares one answer: the intensity.
    await byTestId(sam, 'debrief-share-intensity').check();
    expect(await byTestId(sam, 'debrief-share-keep').isChecked()).toBe(false);
    await byTestId(sam, 'debrief-share').tap();
    await byTestId(sam, 'debrief-shared-status')
      .getByText('Alex sees your answers to: Was the intensity right?')
      .waitFor();
    await byTestId(sam, 'debrief-suggestion').first().waitFor();
    await screenshot(sam, 'aftercare-2-debrief-panel');

    // Alex sees only what Sam shared, and what it suggests.
    await alex.reload();
    const shared = byTestId(alex, 'debrief-partner');
    await shared.getByText('Too high').waitFor();
    await byTestId(alex, 'debrief-suggestion')
      .getByText(
        'Sam found the intensity too high: lower the post-orgasm ceiling from 50 % to 40 %',
      )
      .waitFor();
    expect(await alex.content()).not.toContain(SAM_MARK);
    expect(await shared.textContent()).not.toMatch(/slow start|wobbly|gentler/);
    await screenshot(alex, 'aftercare-3-debrief-console');

    // The follow-up: not before it is due; then on the home page, by this device's clock.
    const stoppedAt = h.r.server.store.scene(sceneId)?.createdWallMs ?? 0;
    const stop = storedScene(h.r, sceneId).state.stop;
    expect(stop?.cause).toBe('red');
    const firstDue = followUpTimes(stoppedAt + (stop?.at ?? 0))[0] ?? 0;
    await alex.goto('/#/');
    await byTestId(alex, 'home-talk-first').waitFor();
    expect(await byTestId(alex, 'follow-up').count()).toBe(0);
    await alex.clock.install({ time: firstDue + 60_000 });
    await alex.reload();
    const followUp = byTestId(alex, 'follow-up');
    await followUp.getByText(/How are you feeling after (today|yesterday)'s scene\?/).waitFor();
    await alex.getByText(/some people feel tired, low, tearful or a little distant/).waitFor();
    await screenshot(alex, 'aftercare-4-follow-up');
    await byTestId(alex, 'follow-up-tired').check();
    await byTestId(alex, 'follow-up-answer').click();
    await byTestId(alex, 'follow-up-thanks').waitFor();
    expect(await followUp.count()).toBe(0);
    await screenshot(alex, 'aftercare-5-follow-up-answered');

    // The couple's next agreement: the suggestion, and the form starts from the lowered value.
    await alex.goto(`/#/talk/${negotiationId}/agreement`);
    const suggestions = byTestId(alex, 'agreement-suggestions');
    await suggestions.getByText('From your last debrief').waitFor();
    await suggestions
      .getByText(
        'Sam found the intensity too high: lower the post-orgasm ceiling from 50 % to 40 %',
      )
      .waitFor();
    expect(await alex.locator('#f-postOrgasm-ceiling').inputValue()).toBe('40');
    expect(await alex.content()).not.toContain(SAM_MARK);
    await suggestions.scrollIntoViewIfNeeded();
    await screenshot(alex, 'aftercare-6-next-agreement');
  });
});
