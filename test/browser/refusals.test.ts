import { describe, expect, it } from 'vitest';
import { browserHarness } from './harness';
import { openPageSocket, storedSecret } from './page-socket';
import { anyOutputRunning, pairedScreens } from './steps';

/**
 * P2 from inside a real page: a script on the panel's phone opens its own WebSocket to the same
 * origin and tries a forged sign-in, a replayed frame and a frame only the console may send.
 * Each is refused with its error code, and the scene's stored log does not change.
 */
describe('a tampered panel page in Chromium', () => {
  const h = browserHarness();

  it('[P2] a forged hello, a replayed frame and a console-only frame from the panel page are refused and change nothing', async () => {
    const { panel, sceneId } = await pairedScreens(h, { pairBy: 'link', shots: null });
    const secret = await storedSecret(panel.page, sceneId);
    if (secret === null) throw new Error('the panel page holds no secret');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Forged: the right scene, a secret of the right shape that is not the panel's.
    const forged = await openPageSocket(panel.page, 'forged');
    const wrong = secret.startsWith('A') ? `B${secret.slice(1)}` : `A${secret.slice(1)}`;
    const refused = await forged.exchange(
      { type: 'hello', v: 1, sceneId, secret: wrong },
      { types: ['welcome', 'error'] },
    );
    expect(refused).toMatchObject({ type: 'error', code: 'unauthorized' });
    expect(await forged.closeCode()).toBe(4401);

    // The right secret, read from the page's storage: this socket becomes the panel (the page's
    // own connection is replaced and stops, so its heartbeats no longer add to the log).
    const own = await openPageSocket(panel.page, 'own');
    const welcome = await own.exchange(
      { type: 'hello', v: 1, sceneId, secret },
      { types: ['welcome', 'error'] },
    );
    if (welcome.type !== 'welcome') throw new Error(`not signed in: ${JSON.stringify(welcome)}`);
    expect(welcome.role).toBe('submissive');
    // The page has sent frames already (its heartbeats): their numbers are used up.
    expect(welcome.lastSeq).toBeGreaterThan(0);
    await panel.page
      .locator('[data-testid="connection-status"][data-status="refused"]')
      .waitFor({ timeout: 5000 });
    const before = h.r.server.store.events(sceneId);
    expect(before.ok).toBe(true);

    // Replayed: a number the page already used. Were it carried out, even its refusal by the
    // scene's rules would be logged.
    const old = welcome.lastSeq;
    expect(
      await own.exchange(
        { type: 'safeword', word: 'yellow', seq: old },
        { seq: old, types: ['ack', 'error'] },
      ),
    ).toMatchObject({ type: 'error', code: 'replayed' });

    // Console-only: the panel may not set a level.
    const device = welcome.view.devices[0];
    const feature = device?.features[0];
    if (device === undefined || feature === undefined) throw new Error('no device in the scene');
    const next = old + 1;
    expect(
      await own.exchange(
        { type: 'intensity', device: device.id, feature: feature.id, value: 1, seq: next },
        { seq: next, types: ['ack', 'error'] },
      ),
    ).toMatchObject({ type: 'error', code: 'forbidden' });

    expect(h.r.server.store.events(sceneId)).toEqual(before);
    expect(anyOutputRunning(h.r)).toBe(false);
    await own.close();
  });
});
