import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NegotiationService } from '../../src/server/negotiation/negotiation-service';
import type { Store } from '../../src/server/store/store';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { appOver, concrete, registeredRoutes, strictHeaderFaults } from './app-under-test';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WRONG_SECRET = 'Bearer wrong-secret-wrong-secret-0000';

/** What the socket's handshake answered: its status and headers, upgraded or refused. */
function handshake(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
    (resolve, reject) => {
      const socket = new WebSocket(url.replace(/^http/, 'ws') + 'ws', { headers });
      socket.once('upgrade', (response) => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers });
        socket.close();
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers });
        response.destroy();
      });
      socket.once('error', reject);
    },
  );
}

describe('[P1] strict headers on every answer', () => {
  let r: TestRedline;
  let under: Awaited<ReturnType<typeof appOver>>;
  beforeAll(async () => {
    r = await startTestRedline();
    under = await appOver(r);
  });
  afterAll(async () => {
    await under.close();
    await r.close();
  });

  it('every registered route and method, without a secret and with a wrong one', async () => {
    const routes = registeredRoutes(under.app);
    // The walk sees the whole API, the socket and the static files.
    for (const known of [
      'GET /ws',
      'POST /api/pair',
      'POST /api/scenes',
      'GET /api/scenes/:id/history',
      'PUT /api/negotiations/:id/draft',
      'GET *',
    ])
      expect(routes.map(([m, u]) => `${m} ${u}`)).toContain(known);
    expect(routes.length).toBeGreaterThan(30);
    const faults: string[] = [];
    for (const [method, pattern] of routes)
      for (const authorization of [undefined, WRONG_SECRET]) {
        const url = concrete(pattern);
        const answer = await under.app.inject({
          method: method as 'GET',
          url,
          headers: authorization === undefined ? {} : { authorization },
          ...(BODY_METHODS.has(method) ? { payload: {} } : {}),
        });
        for (const fault of strictHeaderFaults(answer.headers, url.startsWith('/api/')))
          faults.push(`${method} ${url} (${answer.statusCode}): ${fault}`);
      }
    expect(faults).toEqual([]);
  });

  it('static files, the index, 404s, HEAD, a CORS preflight and the parser’s refusals', async () => {
    const calls: [string, string, Record<string, string>, string | undefined, boolean][] = [
      ['GET', '/', {}, undefined, false],
      ['GET', '/index.html', {}, undefined, false],
      ['HEAD', '/', {}, undefined, false],
      ['GET', '/assets/app.js', {}, undefined, false],
      ['GET', '/assets/missing.js', {}, undefined, false],
      ['GET', '/api/nothing', {}, undefined, true],
      ['DELETE', '/api/scenes', {}, undefined, true],
      [
        'OPTIONS',
        '/api/scenes',
        {
          origin: 'http://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
        undefined,
        true,
      ],
      ['POST', '/api/scenes', { 'content-type': 'application/json' }, '{"mode":', true],
      ['POST', '/api/pair', { 'content-type': 'application/xml' }, '<code/>', true],
      ['POST', '/api/pair', { 'content-type': 'application/json' }, 'x'.repeat(20_000), true],
    ];
    const statuses: number[] = [];
    for (const [method, url, headers, payload, api] of calls) {
      const answer = await under.app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      statuses.push(answer.statusCode);
      expect(strictHeaderFaults(answer.headers, api), `${method} ${url}`).toEqual([]);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 404, 404, 404, 404, 400, 415, 413]);
  });

  it('the WebSocket’s 101 and a refused upgrade carry them too', async () => {
    const upgraded = await handshake(under.url);
    expect(upgraded.status).toBe(101);
    expect(strictHeaderFaults(upgraded.headers, true)).toEqual([]);
    const refused = await handshake(under.url, { origin: 'http://evil.example' });
    expect(refused.status).toBe(403);
    expect(strictHeaderFaults(refused.headers, true)).toEqual([]);
  });

  it('a failure inside a route answers a plain 500 with the headers, echoing nothing of it', async () => {
    const leak = 'Sam wrote: the blue rope, never the red';
    const failing = <T extends object>(keep: Partial<T> = {}) =>
      new Proxy(keep as T, {
        get: (target, key) =>
          key in target
            ? (target as Record<PropertyKey, unknown>)[key]
            : () => {
                throw new Error(leak);
              },
      });
    const broken = await appOver(r, {
      store: failing<Store>(),
      negotiations: failing<NegotiationService>({ report: () => undefined }),
    });
    try {
      for (const url of [
        '/api/scenes/abcdef/history',
        '/api/scenes/abcdef/debrief',
        '/api/negotiations/abcdef',
      ]) {
        const answer = await broken.app.inject({
          method: 'GET',
          url,
          headers: { authorization: WRONG_SECRET },
        });
        expect(answer.statusCode, url).toBe(500);
        expect(answer.body, url).not.toContain('blue rope');
        expect(strictHeaderFaults(answer.headers, true), url).toEqual([]);
      }
    } finally {
      await broken.close();
    }
  });
});
