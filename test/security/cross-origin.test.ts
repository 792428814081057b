import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { createScene } from '../server/scene-setup';
import { appOver, countingLimiter } from './app-under-test';

/**
 * A page from another site, open in another tab, can send requests to Redline's address. It
 * cannot read the answers (CORS is not enabled), but without this check it could open the
 * WebSocket and spend the address's failed sign-ins (locking out a console or panel on the same
 * computer), or poke the code routes. The browser's own headers (Origin, Sec-Fetch-Site) say
 * where a request comes from; test/security/browser-origin.test.ts checks the same in Chromium.
 */
describe('only Redline’s own pages may use its API and WebSocket', () => {
  let r: TestRedline;
  let under: Awaited<ReturnType<typeof appOver>>;
  const counting = countingLimiter();
  let own = '';
  beforeAll(async () => {
    r = await startTestRedline();
    under = await appOver(r, { limiter: counting.limiter });
    own = under.url.replace(/\/$/, '');
  });
  afterAll(async () => {
    await under.close();
    await r.close();
  });

  /** How the handshake ended: 'welcome', 'error:<code>', or the refused status. */
  const hello = (sceneId: string, secret: string, origin?: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = new WebSocket(under.url.replace(/^http/, 'ws') + 'ws', {
        ...(origin === undefined ? {} : { origin }),
      });
      socket.once('open', () => {
        socket.send(JSON.stringify({ type: 'hello', v: 1, sceneId, secret }));
      });
      socket.once('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString('utf8')) as { type: string; code?: string };
        resolve(frame.type === 'error' ? `error:${frame.code ?? ''}` : frame.type);
        socket.close();
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve(String(response.statusCode));
        response.destroy();
      });
      socket.once('error', reject);
    });

  it('refuses the WebSocket to another origin before any hello, so guesses there count nothing', async () => {
    const scene = await createScene(r.url, 'solo');
    counting.failures.splice(0);
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', 'null', 'file://'])
      for (let i = 0; i < 4; i++)
        expect(await hello(scene.sceneId, 'g'.repeat(43), origin)).toBe('403');
    expect(counting.failures).toEqual([]);
    // Its own page, and a client that is no browser page (no Origin), still sign in.
    expect(await hello(scene.sceneId, scene.secret, own)).toBe('welcome');
    expect(await hello(scene.sceneId, scene.secret)).toBe('welcome');
  });

  it('refuses API requests from another origin or site; lets navigations and its own pages through', async () => {
    counting.reset();
    counting.failures.splice(0);
    const call = async (
      method: 'GET' | 'POST',
      url: string,
      headers: Record<string, string>,
      payload?: object,
    ) =>
      (
        await under.app.inject({
          method,
          url,
          headers,
          ...(payload === undefined ? {} : { payload }),
        })
      ).statusCode;
    const invite = { name: 'Someone', role: 'dominant' };
    // Another page's POST (every browser sends its Origin), JSON or a form-like body.
    expect(await call('POST', '/api/negotiations', { origin: 'http://evil.example' }, invite)).toBe(
      403,
    );
    expect(await call('POST', '/api/negotiations', { origin: 'null' }, invite)).toBe(403);
    expect(
      await call('POST', '/api/pair', {
        origin: 'http://evil.example',
        'content-type': 'text/plain',
      }),
    ).toBe(403);
    // A no-cors GET carries no Origin, but fetch metadata says where it comes from.
    const crossSite = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' };
    expect(await call('GET', '/api/invitations/AAAAAA', crossSite)).toBe(403);
    expect(await call('GET', '/api/setup', { ...crossSite, 'sec-fetch-site': 'same-site' })).toBe(
      403,
    );
    expect(await call('GET', '/assets/app.js', crossSite)).toBe(403);
    expect(counting.failures).toEqual([]);
    // Following a link to Redline from elsewhere opens it; its own pages work as ever.
    const navigate = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' };
    expect(await call('GET', '/', navigate)).toBe(200);
    expect(await call('GET', '/api/setup', navigate)).toBe(403);
    const same = {
      host: new URL(own).host,
      origin: own,
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
    };
    expect(await call('POST', '/api/negotiations', same, invite)).toBe(201);
    expect(await call('GET', '/api/invitations/AAAAAA', same)).toBe(404);
    // The same page reached under another name for this computer is another origin.
    expect(await call('POST', '/api/negotiations', { ...same, host: 'localhost:1' }, invite)).toBe(
      403,
    );
    expect(await call('GET', '/', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' })).toBe(
      200,
    );
    // No browser headers at all (curl, scripts on this computer): let through, guarded as ever.
    expect(await call('GET', '/api/invitations/AAAAAA', {})).toBe(404);
    expect(counting.failures.length).toBe(2);
  });
});
