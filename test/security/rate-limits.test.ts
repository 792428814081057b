import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/server/ws/socket-session';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { openScreen } from '../support/ws-client';
import { createScene } from '../server/scene-setup';
import { appOver, concrete, countingLimiter, registeredRoutes } from './app-under-test';

/**
 * Guessing is what the limiter stops: every route that takes a code or a secret counts a wrong
 * one as a failed attempt of the caller's address (10 a minute, then the code routes and the
 * WebSocket's sign-in answer "rate-limited"). The table names every route Fastify holds, so a new
 * route fails here until someone decides how it is guarded.
 */
const GUARD: Record<string, 'code' | 'secret' | 'open'> = {
  'GET /ws': 'secret', // the hello frame; tested below with real sockets
  'HEAD /ws': 'open',
  'GET /api/health': 'open',
  'HEAD /api/health': 'open',
  'GET /api/setup': 'open',
  'HEAD /api/setup': 'open',
  'POST /api/scenes': 'secret', // a scene for two: the dominant's negotiation secret
  'POST /api/scenes/:id/pairing': 'secret',
  'GET /api/scenes/:id/history': 'secret',
  'HEAD /api/scenes/:id/history': 'secret',
  'GET /api/scenes/:id/debrief': 'secret',
  'HEAD /api/scenes/:id/debrief': 'secret',
  'PUT /api/scenes/:id/debrief': 'secret',
  'POST /api/scenes/:id/debrief/share': 'secret',
  'GET /api/scenes/:id/follow-ups': 'secret',
  'HEAD /api/scenes/:id/follow-ups': 'secret',
  'POST /api/scenes/:id/follow-ups/:due': 'secret',
  'POST /api/pair': 'code',
  'POST /api/negotiations': 'open', // starts a new negotiation: nothing to guess
  'GET /api/negotiations/:id': 'secret',
  'HEAD /api/negotiations/:id': 'secret',
  'POST /api/negotiations/:id/invitation': 'secret',
  'POST /api/negotiations/:id/items': 'secret',
  'PUT /api/negotiations/:id/answers': 'secret',
  'POST /api/negotiations/:id/submit': 'secret',
  'POST /api/negotiations/:id/sign': 'secret',
  'PUT /api/negotiations/:id/draft': 'secret',
  'POST /api/negotiations/:id/withdraw': 'secret',
  'GET /api/invitations/:code': 'code',
  'HEAD /api/invitations/:code': 'code',
  'POST /api/invitations/:code/accept': 'code',
  'POST /api/invitations/:code/decline': 'code',
  'GET /api/agreements/:hash': 'secret',
  'HEAD /api/agreements/:hash': 'secret',
  'GET *': 'open',
  'HEAD *': 'open',
};

const BODIES: Record<string, unknown> = {
  'POST /api/scenes': {
    mode: 'pair',
    agreement: { negotiationId: 'nothing-here', agreementHash: `sha256:${'0'.repeat(64)}` },
    devices: [],
  },
  'POST /api/pair': { code: 'AAAAAA' },
  'POST /api/invitations/:code/accept': { name: 'Guess' },
  'POST /api/negotiations': { name: 'Someone', role: 'dominant' },
};

describe('rate limits on every code and secret', () => {
  let r: TestRedline;
  beforeAll(async () => {
    r = await startTestRedline();
  });
  afterAll(async () => {
    await r.close();
  });

  it('every route that takes a code or a secret counts a wrong one; the open routes count nothing', async () => {
    const { limiter, failures, reset } = countingLimiter();
    const under = await appOver(r, { limiter });
    try {
      const routes = registeredRoutes(under.app).map(([m, u]) => `${m} ${u}`);
      expect(routes.filter((route) => !(route in GUARD))).toEqual([]);
      const wrong: string[] = [];
      for (const route of routes) {
        if (route === 'GET /ws') continue;
        const [method, pattern] = route.split(' ') as [string, string];
        const guard = GUARD[route];
        const before = failures.length;
        const body = BODIES[route] ?? (method === 'POST' || method === 'PUT' ? {} : undefined);
        const answer = await under.app.inject({
          method: method as 'GET',
          url: concrete(pattern),
          headers: { authorization: `Bearer ${'w'.repeat(43)}` },
          ...(body === undefined ? {} : { payload: body }),
        });
        const counted = failures.length - before;
        if (counted !== (guard === 'open' ? 0 : 1))
          wrong.push(`${route} (${guard}, ${answer.statusCode}) counted ${counted}`);
        // Keep the address under the limit, so each route is seen refusing, not rate-limited.
        reset();
        if (counted > 0) expect(answer.statusCode, route).toBeGreaterThanOrEqual(400);
      }
      expect(wrong).toEqual([]);
    } finally {
      await under.close();
    }
  });

  it('signing in over the WebSocket: after 10 wrong secrets the address waits, even with the right one', async () => {
    const fresh = await startTestRedline();
    try {
      const scene = await createScene(fresh.url);
      for (let i = 0; i < 10; i++) {
        const guess = await openScreen(fresh.url);
        guess.send({ type: 'hello', v: 1, sceneId: scene.sceneId, secret: `${i}`.padEnd(43, 'g') });
        expect((await guess.closed).code).toBe(CLOSE.unauthorized);
      }
      const right = await openScreen(fresh.url);
      right.send({ type: 'hello', v: 1, sceneId: scene.sceneId, secret: scene.secret });
      expect((await right.closed).code).toBe(CLOSE.rateLimited);
      expect(right.frames).toEqual([
        expect.objectContaining({ type: 'error', code: 'rate-limited' }),
      ]);
      // The wrong guesses counted towards the code routes too: one limit per address.
      const pair = await fetch(new URL('/api/pair', fresh.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: scene.pairing?.code }),
      });
      expect(pair.status).toBe(429);
    } finally {
      await fresh.close();
    }
  });

  it('a right secret over HTTP is never refused for its address’s failures (256 bits cannot be guessed)', async () => {
    const fresh = await startTestRedline();
    try {
      const scene = await createScene(fresh.url);
      for (let i = 0; i < 12; i++)
        await fetch(new URL(`/api/scenes/${scene.sceneId}/history`, fresh.url), {
          headers: { authorization: `Bearer ${'w'.repeat(43)}` },
        });
      const history = await fetch(new URL(`/api/scenes/${scene.sceneId}/history`, fresh.url), {
        headers: { authorization: `Bearer ${scene.secret}` },
      });
      expect(history.status).toBe(200);
      // New sign-ins over the WebSocket do wait: a hello is refused before its secret is read.
      const screen = await openScreen(fresh.url);
      screen.send({ type: 'hello', v: 1, sceneId: scene.sceneId, secret: scene.secret });
      expect((await screen.closed).code).toBe(CLOSE.rateLimited);
    } finally {
      await fresh.close();
    }
  });
});
