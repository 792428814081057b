import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/server/ws/socket-session';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { openScreen } from '../support/ws-client';
import { api, pairedScene } from '../server/scene-setup';

/**
 * A lost or borrowed phone holds its participant's secret in the browser's storage. For the
 * panel, the console can take that secret back: a fresh pairing code, used on another phone,
 * replaces the panel's secret (only its hash is stored, so the old one matches nothing) and
 * the old phone's connection.
 */
describe('a lost phone’s panel secret can be taken back', () => {
  let r: TestRedline;
  beforeAll(async () => {
    r = await startTestRedline();
  });
  afterAll(async () => {
    await r.close();
  });

  it('pairing another phone with a fresh code shuts the old phone out: no sign-in, no history', async () => {
    const scene = await pairedScene(r.url);
    const { sceneId } = scene.created;
    const fresh = await api<{ code: string }>(r.url, `/api/scenes/${sceneId}/pairing`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scene.created.secret}` },
    });
    const paired = await api<{ secret: string }>(r.url, '/api/pair', {
      body: { code: fresh.body.code },
    });
    expect(paired.status).toBe(200);
    const newPanel = await openScreen(r.url);
    newPanel.send({ type: 'hello', v: 1, sceneId, secret: paired.body.secret });
    // The lost phone's open connection is replaced by the new phone's.
    expect((await scene.panel.closed).code).toBe(CLOSE.replaced);
    const lost = await openScreen(r.url);
    lost.send({ type: 'hello', v: 1, sceneId, secret: scene.panelSecret });
    expect((await lost.closed).code).toBe(CLOSE.unauthorized);
    const history = (secret: string) =>
      api(r.url, `/api/scenes/${sceneId}/history`, {
        headers: { authorization: `Bearer ${secret}` },
      });
    expect((await history(scene.panelSecret)).status).toBe(401);
    expect((await history(paired.body.secret)).status).toBe(200);
    await newPanel.close();
    await scene.console.close();
  });
});
