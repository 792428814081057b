import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agreementHash, type Agreement } from '../../src/core';
import { createAttemptLimiter } from '../../src/server/attempt-limiter';
import { negotiationRoutes } from '../../src/server/http/negotiation-routes';
import { INVITATION_TTL_MS } from '../../src/server/negotiation/invitations';
import {
  createNegotiationService,
  type NegotiationService,
} from '../../src/server/negotiation/negotiation-service';
import type { ParticipantView } from '../../src/server/negotiation/participant-view';
import { useTempStores } from '../../src/server/store/temp-store.test-support';
import { pairAgreement } from '../fixtures/agreements';

/**
 * The negotiation routes in-process (Fastify's inject), on a real SQLite file, with a wall clock
 * the test moves by hand: expiry and signing times without waiting a week.
 */
describe('negotiation with an injected wall clock', () => {
  const stores = useTempStores();
  let now: number;
  let app: FastifyInstance;
  let service: NegotiationService;
  const reports: string[] = [];

  beforeEach(async () => {
    now = Date.UTC(2026, 11, 1);
    service = createNegotiationService({
      store: stores.open().negotiations,
      wallNow: () => now,
      report: (m) => reports.push(m),
    });
    app = Fastify({ logger: false });
    await app.register(
      negotiationRoutes({
        negotiations: service,
        limiter: createAttemptLimiter({ max: 10, windowMs: 60_000, now: () => now }),
        baseUrl: () => 'http://127.0.0.1:8417/',
      }),
    );
  });
  afterEach(async () => {
    await app.close();
  });

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body's shape
  const request = async <T>(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    secret?: string,
  ) => {
    const answer = await app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: secret === undefined ? {} : { authorization: `Bearer ${secret}` },
    });
    return { status: answer.statusCode, body: (answer.body === '' ? null : answer.json()) as T };
  };
  const invite = () =>
    request<{
      negotiationId: string;
      secret: string;
      invitation: { code: string; expiresAt: number };
    }>('POST', '/api/negotiations', { name: 'Sam', role: 'submissive' });

  it('keeps an invitation for 7 days, then answers 410 expired to reading, accepting and declining', async () => {
    const sam = (await invite()).body;
    expect(sam.invitation.expiresAt).toBe(now + INVITATION_TTL_MS);
    now += INVITATION_TTL_MS - 1;
    expect((await request('GET', `/api/invitations/${sam.invitation.code}`)).status).toBe(200);
    now += 1;
    for (const [method, path] of [
      ['GET', ''],
      ['POST', '/accept'],
      ['POST', '/decline'],
    ] as const) {
      const expired = await request<{ code: string; error: string }>(
        method,
        `/api/invitations/${sam.invitation.code}${path}`,
        path === '/accept' ? { name: 'Alex' } : undefined,
      );
      expect(expired.status, path).toBe(410);
      expect(expired.body.code).toBe('expired');
    }
    const view = await request<ParticipantView>(
      'GET',
      `/api/negotiations/${sam.negotiationId}`,
      undefined,
      sam.secret,
    );
    expect(view.body.invitation).toEqual({ expiresAt: sam.invitation.expiresAt, open: false });

    // A fresh code starts a new week; the expired one stays expired.
    const fresh = await request<{ code: string; expiresAt: number }>(
      'POST',
      `/api/negotiations/${sam.negotiationId}/invitation`,
      undefined,
      sam.secret,
    );
    expect(fresh.body.expiresAt).toBe(now + INVITATION_TTL_MS);
    const joined = await request('POST', `/api/invitations/${fresh.body.code}/accept`, {
      name: 'Alex',
    });
    expect(joined.status).toBe(200);
  });

  it('lets an address guess again once the limit’s window has passed', async () => {
    for (let i = 0; i < 10; i++) await request('GET', '/api/invitations/ZZZZZZ');
    expect((await request('GET', '/api/invitations/ZZZZZZ')).status).toBe(429);
    now += 60_000;
    expect((await request('GET', '/api/invitations/ZZZZZZ')).status).toBe(404);
  });

  it('stamps signatures and the seal with the wall clock, and checks one’s own signature', async () => {
    const sam = (await invite()).body;
    const alex = (
      await request<{ secret: string }>('POST', `/api/invitations/${sam.invitation.code}/accept`, {
        name: 'Alex',
      })
    ).body;
    const agreement: Agreement = {
      ...pairAgreement,
      participants: [
        { id: 'dominant', name: 'Alex', role: 'dominant' },
        { id: 'submissive', name: 'Sam', role: 'submissive' },
      ],
    };
    const hash = agreementHash(agreement);
    const base = `/api/negotiations/${sam.negotiationId}`;
    await request('PUT', `${base}/draft`, { agreement }, sam.secret);
    now += 1_000;
    await request('POST', `${base}/sign`, { agreementHash: hash }, sam.secret);
    now += 5_000;
    await request('POST', `${base}/sign`, { agreementHash: hash }, alex.secret);
    const sealed = await request<{
      sealedAt: number;
      signatures: { role: string; at: number }[];
      yourSignatureVerifies: boolean;
    }>('GET', `/api/agreements/${hash}`, undefined, alex.secret);
    expect(sealed.body.sealedAt).toBe(now);
    expect(sealed.body.signatures.map((s) => [s.role, s.at])).toEqual([
      ['submissive', now - 5_000],
      ['dominant', now],
    ]);
    expect(sealed.body.yourSignatureVerifies).toBe(true);
    expect(service.sealedAgreement(hash, sam.negotiationId)?.state).toBe('in-force');
    expect(service.sealedAgreement(hash, 'another')).toBeNull();
    expect(reports).toEqual([]);
  });
});
