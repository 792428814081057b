import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { agreementHash, type Agreement } from '../../src/core';
import { describe, expect, it } from 'vitest';
import { screenshot, type Phone } from '../support/browser';
import { browserHarness } from './harness';
import { byTestId, confirmPairing, connected, openPairing, phaseShown, storedScene } from './steps';

/**
 * Issue 5 in real Chromium, two browser contexts as two devices: Alex (who will run the scene)
 * invites Sam (who will receive) on a laptop; Sam answers on a phone. Each answers in private;
 * both see only what both welcome; they write the agreement, Sam rehearses the signals, both
 * sign, and Alex starts a scene that runs under exactly that agreement.
 */

type Rating = 'yes' | 'maybe' | 'no';
const answer = (page: Page, item: string, role: 'giving' | 'receiving', rating: Rating) =>
  byTestId(page, `answer-${item}-${role}-${rating}`).check();

/** Answers are saved (automatically or by the button) before they are submitted. */
async function submitAnswers(page: Page): Promise<void> {
  await byTestId(page, 'answers-save').click();
  await byTestId(page, 'answers-save-state').getByText(/saved/i).waitFor();
  await byTestId(page, 'answers-submit').click();
}

export async function invite(alex: Phone, sam: Phone): Promise<string> {
  await byTestId(alex.page, 'home-talk-first').click();
  await byTestId(alex.page, 'talk-name').fill('Alex');
  await byTestId(alex.page, 'talk-role-dominant').check();
  await byTestId(alex.page, 'talk-message').fill('Could we talk about something new to try?');
  await byTestId(alex.page, 'talk-create').click();
  const url = ((await byTestId(alex.page, 'talk-invitation-url').textContent()) ?? '').trim();
  expect(url).toMatch(/#\/invite\/[A-Z2-9]{6}$/);
  await screenshot(alex.page, 'talk-1-invitation-console');
  await byTestId(alex.page, 'talk-continue').click();
  await alex.page.waitForURL(/#\/talk\/[A-Za-z0-9_-]+$/);
  const negotiationId = /#\/talk\/([A-Za-z0-9_-]+)$/.exec(alex.page.url())?.[1] ?? '';

  await sam.page.goto(url);
  await byTestId(sam.page, 'invite-name').waitFor();
  await screenshot(sam.page, 'talk-2-introduction-panel');
  await byTestId(sam.page, 'invite-name').fill('Sam');
  await byTestId(sam.page, 'invite-accept').click();
  await sam.page.waitForURL(new RegExp(`#/talk/${negotiationId}$`));
  return negotiationId;
}

describe('talk first in Chromium: invite, answer in private, write, rehearse, sign, start', () => {
  const h = browserHarness();

  it('[P3] [S3] each sees only what both welcome; the scene starts only once both signed, under exactly that agreement', async () => {
    const alex = await h.open('console');
    const sam = await h.open('panel');
    await invite(alex, sam);

    await answer(alex.page, 'hands', 'giving', 'yes');
    await answer(alex.page, 'vibrator-wand', 'giving', 'yes');
    await answer(alex.page, 'rope', 'giving', 'yes');
    await answer(alex.page, 'mouth', 'giving', 'maybe');
    await answer(sam.page, 'hands', 'receiving', 'yes');
    await answer(sam.page, 'vibrator-wand', 'receiving', 'maybe');
    await answer(sam.page, 'rope', 'receiving', 'no');
    await byTestId(sam.page, 'item-rope').getByText('Private notes').click();
    await byTestId(sam.page, 'note-rope-receiving').fill('SAM-PRIVATE-NOTE not today');
    await screenshot(sam.page, 'talk-3-answers-panel');
    await submitAnswers(sam.page);
    await submitAnswers(alex.page);

    for (const page of [alex.page, sam.page]) {
      const overlap = byTestId(page, 'overlap');
      await overlap.waitFor({ timeout: 15_000 });
      await byTestId(page, 'overlap-item-hands').waitFor();
      await byTestId(page, 'overlap-item-vibrator-wand').waitFor();
      expect(await byTestId(page, 'overlap-item-rope').count()).toBe(0);
      expect(await byTestId(page, 'overlap-item-mouth').count()).toBe(0);
    }
    // Nothing of Sam's no or note reaches Alex's screen, in any form.
    expect(await alex.page.content()).not.toContain('SAM-PRIVATE-NOTE');
    await screenshot(alex.page, 'talk-4-overlap-console');
    await screenshot(sam.page, 'talk-4-overlap-panel');

    // Alex writes the first draft from the overlap, with one limit changed: a field the form
    // refuses names itself; a good value saves.
    await byTestId(alex.page, 'talk-to-agreement').click();
    const form = byTestId(alex.page, 'agreement-form');
    await form.waitFor();
    const postCeiling = form.getByLabel('Ceiling after the orgasm');
    await postCeiling.fill('250');
    await byTestId(alex.page, 'field-error-postOrgasm.ceiling').waitFor();
    await postCeiling.fill('35');
    await byTestId(alex.page, 'agreement-save').click();
    await byTestId(alex.page, 'agreement-signatures').waitFor();
    await screenshot(alex.page, 'talk-5-draft-console');

    // Unsigned, nothing can start: the page says so, the new-scene page sends to the agreement,
    // and the server refuses the draft's hash, in words.
    await byTestId(alex.page, 'start-needs-signatures').waitFor();
    expect(await byTestId(alex.page, 'start-scene').count()).toBe(0);
    const negotiationId = /#\/talk\/([A-Za-z0-9_-]+)\//.exec(alex.page.url())?.[1] ?? '';
    const draft = h.r.server.negotiations.view({
      negotiationId,
      role: 'dominant',
      secret: '',
    }).draft;
    if (draft === null) throw new Error('the draft was not saved');
    expect(draft.agreement.postOrgasm.ceiling).toBe(0.35);
    const talk = JSON.parse(
      String(await alex.page.evaluate(`localStorage.getItem('redline.talk.${negotiationId}')`)),
    ) as { secret: string };
    const response = await fetch(new URL('/api/scenes', h.r.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${talk.secret}` },
      body: JSON.stringify({
        mode: 'pair',
        devices: [],
        agreement: { negotiationId, agreementHash: draft.agreementHash },
      }),
    });
    const refused = { status: response.status, body: await response.json() };
    expect(refused).toEqual({
      status: 404,
      body: { code: 'not-found', error: 'no agreement you both signed has this hash' },
    });

    // Sam reads the draft, rehearses every signal on the practice toy, then may sign.
    await sam.page.goto(`#/talk/${negotiationId}/agreement`);
    const sign = byTestId(sam.page, 'agreement-sign');
    await sign.waitFor();
    expect(await sign.isDisabled()).toBe(true);
    const level = byTestId(sam.page, 'rehearsal-level');
    await sam.page.getByLabel(/Level the dominant asks for/).fill('60');
    // The cautious template's signals: red, yellow, and three quick taps meaning red.
    await byTestId(sam.page, 'rehearse-yellow').click();
    for (let tap = 0; tap < 3; tap++) await byTestId(sam.page, 'rehearse-taps').click();
    await byTestId(sam.page, 'rehearse-red').click();
    expect(await level.getAttribute('data-level')).toBe('0');
    await byTestId(sam.page, 'rehearsal-done').waitFor();
    await screenshot(sam.page, 'talk-6-rehearsal-panel');
    await expect.poll(() => sign.isEnabled()).toBe(true);
    await sign.click();
    await alex.page.reload();
    await byTestId(alex.page, 'agreement-sign').click();
    await byTestId(alex.page, 'agreement-sealed').waitFor();
    await screenshot(alex.page, 'talk-7-signed-console');

    // The signed agreement, printable and exported as both signed it.
    await byTestId(alex.page, 'agreement-sealed').getByText('Open the printable agreement').click();
    await byTestId(alex.page, 'sealed-verifies').waitFor();
    await alex.page.emulateMedia({ media: 'print' });
    await screenshot(alex.page, 'talk-7b-printable-console');
    expect(await byTestId(alex.page, 'sealed-print').isVisible()).toBe(false);
    await alex.page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([
      alex.page.waitForEvent('download'),
      byTestId(alex.page, 'sealed-export-json').click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `redline-agreement-${draft.agreementHash.slice('sha256:'.length, 'sha256:'.length + 12)}.json`,
    );
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      agreement: unknown;
      agreementHash: string;
    };
    expect(exported.agreementHash).toBe(draft.agreementHash);
    expect(agreementHash(exported.agreement as Agreement)).toBe(draft.agreementHash);
    await alex.page.goBack();

    // Alex starts the scene; Sam joins as the panel with the console's code.
    await byTestId(alex.page, 'start-scene').click();
    await alex.page.waitForURL(/#\/console\//);
    const code = ((await byTestId(alex.page, 'console-pairing-code').textContent()) ?? '').trim();
    await openPairing(sam.page, code, 'link');
    await confirmPairing(sam.page);
    await connected(alex.page);
    await phaseShown(sam.page, 'setup');
    const sceneId = /#\/console\/([A-Za-z0-9_-]+)/.exec(alex.page.url())?.[1] ?? '';
    const created = storedScene(h.r, sceneId).events[0];
    const sealed = h.r.server.negotiations.sealedAgreement(draft.agreementHash, negotiationId);
    expect(sealed?.state).toBe('in-force');
    expect(created?.type === 'scene.created' && created.agreement).toStrictEqual(sealed?.agreement);
    await screenshot(alex.page, 'talk-8-scene-console');
  });
});
