import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { replay, type SceneState } from '../../src/core';
import { screenshot, type Phone } from '../support/browser';
import type { TestRedline } from '../support/redline-server';
import { signAgreement, type SignedAgreement } from '../support/signed-agreement';
import type { Harness } from './harness';

/**
 * What a person does on each screen, through the UI only: data-testids and accessible names,
 * the way the web app's components expose them. Every wait is for a condition, with a bound.
 */

export const byTestId = (page: Page, id: string): Locator => page.getByTestId(id);

/** The phase shown on a screen: the element marked `phase` carries it in data-phase. */
export async function phaseShown(page: Page, phase: string, timeoutMs = 10_000): Promise<void> {
  await page
    .locator(`[data-testid="phase"][data-phase="${phase}"]`)
    .waitFor({ state: 'visible', timeout: timeoutMs });
}

export async function connected(page: Page, timeoutMs = 10_000): Promise<void> {
  await page
    .locator('[data-testid="connection-status"][data-status="open"]')
    .waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * A scene for two, started as the app starts one: from the agreement both partners signed. The
 * negotiation itself is negotiation.test.ts's subject; here Alex and Sam signed it earlier (through
 * the API), and Alex's browser holds Alex's key to it, where the talk pages keep it. Alex opens the
 * agreement's page and starts the scene with every toy. Returns the scene's id and the panel's code.
 */
export async function createPairScene(
  page: Page,
  r: TestRedline,
): Promise<{ sceneId: string; code: string; signed: SignedAgreement }> {
  const signed = await signAgreement(r.url);
  const key = `redline.talk.${signed.negotiationId}`;
  const talk = { secret: signed.secrets.dominant, role: 'dominant', name: 'Alex' };
  await page.evaluate(
    `localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify(talk))})`,
  );
  await page.goto(`#/talk/${signed.negotiationId}/agreement`);
  await byTestId(page, 'start-scene').click();
  await page.waitForURL(/#\/console\//);
  const code = (await byTestId(page, 'console-pairing-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  return { sceneId: sceneIdOf(page), code, signed };
}

/** On one screen alone: Start a scene → alone → a name → create. Returns the scene's id. */
export async function createSoloScene(page: Page): Promise<string> {
  await byTestId(page, 'home-start').click();
  await byTestId(page, 'new-scene-mode-solo').check();
  await byTestId(page, 'new-scene-submissiveName').fill('Rin');
  await byTestId(page, 'new-scene-submit').click();
  await page.waitForURL(/#\/solo\//);
  return sceneIdOf(page);
}

export function sceneIdOf(page: Page): string {
  const id = /#\/(?:console|panel|solo)\/([A-Za-z0-9_-]+)/.exec(page.url())?.[1];
  if (id === undefined) throw new Error(`no scene id in ${page.url()}`);
  return id;
}

/**
 * On the receiver's phone, up to the page that asks to confirm: 'type' types the console's code
 * on the home page; 'link' opens the address the console's QR code holds (#/pair/<code>).
 */
export async function openPairing(page: Page, code: string, by: 'type' | 'link'): Promise<void> {
  if (by === 'type') {
    await byTestId(page, 'pair-code-input').fill(code);
    await page.getByRole('button', { name: 'Join' }).click();
  } else await page.goto(`#/pair/${code}`);
  await page.waitForURL(/#\/pair\//);
  expect(await byTestId(page, 'pair-code-input').inputValue()).toBe(code);
}

/** "Yes, make this phone the panel": the phone becomes the panel and connects. */
export async function confirmPairing(page: Page): Promise<void> {
  await byTestId(page, 'pair-submit').click();
  await page.waitForURL(/#\/panel\//);
  await connected(page);
}

/** The console's checklist, ticked one by one, each waiting for the server's view to agree. */
export async function tickChecklist(page: Page): Promise<void> {
  const boxes = page.locator('[data-testid^="setup-check-"]');
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i);
    await box.click();
    // The box follows the server's view: checked only once the server has it.
    await expect.poll(() => box.isChecked(), { timeout: 5000 }).toBe(true);
  }
}

/** The panel's test stop (a finger's tap), and the server's answer that every device confirmed it. */
export async function testStop(page: Page): Promise<void> {
  await byTestId(page, 'panel-test-stop').tap();
  await page
    .getByTestId('panel-test-stop-result')
    .getByText('Test stop worked')
    .waitFor({ timeout: 10_000 });
}

/** The first output's slider on the console, as `console-intensity-<device>-<feature>`. */
export function firstSlider(page: Page): Locator {
  return page.locator('[data-testid^="console-intensity-"]').first();
}

/** Every output of the simulated device server, and whether any runs. */
export const anyOutputRunning = (r: TestRedline): boolean =>
  r.sim.outputs().some((o) => o.value !== 0);
export const everyOutputAtZero = (r: TestRedline): boolean =>
  r.sim.outputs().every((o) => o.value === 0);

/** Waits (generously) for the simulated toys to reach zero. */
export async function toysAtZero(r: TestRedline, timeoutMs = 2000): Promise<void> {
  await expect.poll(() => everyOutputAtZero(r), { timeout: timeoutMs, interval: 10 }).toBe(true);
}

export async function toysRunning(r: TestRedline, timeoutMs = 10_000): Promise<void> {
  await expect.poll(() => anyOutputRunning(r), { timeout: timeoutMs, interval: 20 }).toBe(true);
}

/** The scene as the SQLite store holds it: every stored event, folded by the core (S7). */
export function storedScene(r: TestRedline, sceneId: string) {
  const events = r.server.store.events(sceneId);
  if (!events.ok) throw new Error(events.errors.join('\n'));
  const state: SceneState = replay(events.value).state;
  return { events: events.value, state };
}

/** Screenshots of both screens at one step of a scene, named so a person can follow it. */
export async function shootBoth(step: string, con: Phone, panel: Phone): Promise<void> {
  await screenshot(con.page, `${step}-console`);
  await screenshot(panel.page, `${step}-panel`);
}

export type PairOptions = Readonly<{
  /** 'type': the code typed on the panel's home page; 'link': the panel opens #/pair/<code>. */
  pairBy: 'type' | 'link';
  /** A prefix for screenshots of each step, or null for none. */
  shots: string | null;
}>;

/** The console creates a scene for two; the panel pairs with its code; both are in set-up. */
export async function pairedScreens(h: Harness, options: PairOptions) {
  const con = await h.open('console');
  const { sceneId, code } = await createPairScene(con.page, h.r);
  const panel = await h.open('panel');
  await openPairing(panel.page, code, options.pairBy);
  if (options.shots !== null) await shootBoth(`${options.shots}-1-pairing`, con, panel);
  await confirmPairing(panel.page);
  await connected(con.page);
  await phaseShown(panel.page, 'setup');
  // The harness's record of requests (P1) saw both WebSockets.
  for (const phone of [con, panel])
    expect(phone.requests.some((url) => url.startsWith('ws:'))).toBe(true);
  return { con, panel, sceneId };
}

/**
 * Set-up through the UI: Start is disabled until the checklist (console) and the test stop
 * (panel) are done; then Start, and an intensity the simulated toy receives.
 */
export async function setUpAndStart(h: Harness, con: Phone, panel: Phone, shots: string | null) {
  const start = byTestId(con.page, 'console-start');
  expect(await start.isDisabled()).toBe(true);
  if (shots !== null) await shootBoth(`${shots}-2-set-up`, con, panel);
  await tickChecklist(con.page);
  // The checklist is done, but the panel has not yet proved it can stop the toys.
  expect(await start.isDisabled()).toBe(true);
  await testStop(panel.page);
  await expect.poll(() => start.isEnabled(), { timeout: 5000 }).toBe(true);
  if (shots !== null) await shootBoth(`${shots}-3-set-up-done`, con, panel);
  await start.click();
  await phaseShown(con.page, 'warm-up');
  await phaseShown(panel.page, 'warm-up');
  expect(anyOutputRunning(h.r)).toBe(false);
  const slider = firstSlider(con.page);
  const output = ((await slider.getAttribute('data-testid')) ?? '').replace(
    'console-intensity-',
    '',
  );
  await slider.fill('30');
  await byTestId(con.page, `requested-${output}`).getByText('30').waitFor();
  await toysRunning(h.r);
}

/** A scene for two, paired, set up and started, with the first output running. */
export async function runningScene(h: Harness, options: PairOptions) {
  const { con, panel, sceneId } = await pairedScreens(h, options);
  await setUpAndStart(h, con, panel, options.shots);
  return { con, panel, sceneId };
}
