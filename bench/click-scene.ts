import type { Page } from 'playwright-core';
import type { SceneView } from '../src/protocol/view';
import { until } from '../test/support/browser';
import type { TestRedline } from '../test/support/redline-server';
import { acked, createScene, signIn, type Signed } from '../test/server/scene-setup';

/**
 * One scene for the click benchmark, brought to a running output: created and run from the
 * console's side over the API and a WebSocket (as in the server tests), with the panel in
 * Chromium paired through its own pages (#/pair/<code>, then the confirm button) and making the
 * test stop with its own button. Returns once the simulated toy runs above zero.
 */
export type ClickScene = Readonly<{ sceneId: string; console: Signed }>;

const viewWhere = (screen: Signed, match: (v: SceneView) => boolean) =>
  screen.latestOrNext((f) => (f.type === 'view' || f.type === 'welcome') && match(f.view), 10_000);

export async function runningClickScene(r: TestRedline, panel: Page): Promise<ClickScene> {
  const created = await createScene(r.url, 'pair');
  if (created.pairing === null) throw new Error('a scene for two has a pairing code');
  await panel.goto(`${r.url}#/pair/${created.pairing.code}`);
  await panel.getByTestId('pair-submit').tap();
  await panel
    .locator('[data-testid="connection-status"][data-status="open"]')
    .waitFor({ timeout: 10_000 });
  const con = await signIn(r.url, created.sceneId, created.secret);
  const welcome = con.frames.find((f) => f.type === 'welcome');
  if (welcome?.type !== 'welcome') throw new Error('no welcome for the console');
  for (const item of welcome.view.setup.checklist) {
    const answer = await acked(con, con.frame({ type: 'setup.check', item, done: true }));
    if (answer.type !== 'ack') throw new Error(`checklist refused: ${JSON.stringify(answer)}`);
  }
  await panel.getByTestId('panel-test-stop').tap();
  await viewWhere(con, (v) => v.setup.missing.length === 0);
  const started = await acked(con, con.frame({ type: 'start' }));
  if (started.type !== 'ack') throw new Error(`start refused: ${JSON.stringify(started)}`);
  for (const device of welcome.view.devices)
    for (const feature of device.features)
      con.frame({ type: 'intensity', device: device.id, feature: feature.id, value: 0.5 });
  // The agreed ramp lets the first level through after about 1.5 s.
  await until(() => r.sim.outputs().some((o) => o.value !== 0), 10_000, 'a toy to run', 20);
  return { sceneId: created.sceneId, console: con };
}
