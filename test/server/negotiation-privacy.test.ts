import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementHash, builtInCatalogue, revealOverlap, type Answers } from '../../src/core';
import {
  NEGOTIATION_ROUTES,
  type NegotiationRoute,
} from '../../src/server/http/negotiation-routes';
import type { ParticipantView } from '../../src/server/negotiation/participant-view';
import { pairAgreement } from '../fixtures/agreements';
import { startTestRedline, type TestRedline } from '../support/redline-server';

/**
 * P3, proved over the real server: each partner's private answers — notes, no's, one-sided yes
 * and maybe — never reach the other partner or a stranger, through any endpoint, in any state,
 * in a success or an error. Every route in NEGOTIATION_ROUTES is called as the other partner and
 * without a right secret; the test fails if one was left out.
 */

const SAM_MARK = 'PRIVATE-SAM-q7Zx';
const ALEX_MARK = 'PRIVATE-ALEX-k2Wv';

/** Sam's answers. Alex never rates mouth, rope or the 10-minute band, so those ids are Sam's alone. */
const samItems: Answers['items'] = {
  hands: {
    receiving: { rating: 'yes', note: `${SAM_MARK} a note on an item both welcome` },
    giving: { rating: 'no', note: `${SAM_MARK} why not` },
  },
  mouth: { giving: { rating: 'no', note: `${SAM_MARK} a no` }, receiving: { rating: 'no' } },
  rope: { receiving: { rating: 'yes', note: `${SAM_MARK} a one-sided yes` } },
  'humiliating-words': { receiving: { rating: 'no', note: `${SAM_MARK} a hard limit` } },
  'post-orgasm-10-min': { receiving: { rating: 'maybe', note: `${SAM_MARK} a one-sided maybe` } },
};
const SAM_ONLY_IDS = ['mouth', 'rope', 'post-orgasm-10-min'];

/** Alex's answers: hands match; Sam said no to what Alex welcomes in words; the wand is Alex's alone. */
const alexItems: Answers['items'] = {
  hands: { giving: { rating: 'yes', note: `${ALEX_MARK} shared item note` } },
  'humiliating-words': { giving: { rating: 'yes' } },
  'vibrator-wand': { giving: { rating: 'maybe', note: `${ALEX_MARK} one-sided` } },
};
const ALEX_ONLY_IDS = ['vibrator-wand'];

type Caller = 'sam' | 'alex' | 'stranger';
type Seen = { caller: Caller; route: NegotiationRoute; status: number; text: string };

describe('[P3] every negotiation endpoint, called as the other partner', () => {
  let r: TestRedline;
  const seen: Seen[] = [];
  beforeAll(async () => {
    r = await startTestRedline();
  });
  afterAll(async () => {
    await r.close();
  });

  async function call(
    caller: Caller,
    route: NegotiationRoute,
    params: Record<string, string>,
    options: { secret?: string | null; body?: unknown } = {},
  ): Promise<{ status: number; json: unknown }> {
    const [method, template] = route.split(' ') as [string, string];
    const path = template.replace(/:(\w+)/g, (_, key: string) =>
      encodeURIComponent(params[key] ?? ''),
    );
    const headers: Record<string, string> = {};
    if (options.secret != null) headers.authorization = `Bearer ${options.secret}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, r.url), {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    const headerText = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    seen.push({ caller, route, status: response.status, text: `${headerText}\n${text}` });
    return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
  }

  it('never lets one partner’s private answers out, except to their author', async () => {
    // Sam invites and answers in private before Alex has even joined.
    const created = await call(
      'sam',
      'POST /api/negotiations',
      {},
      {
        body: {
          name: 'Sam',
          role: 'submissive',
          message: 'Would you like to talk about trying something new?',
        },
      },
    );
    const {
      negotiationId: id,
      secret: samSecret,
      invitation,
    } = created.json as {
      negotiationId: string;
      secret: string;
      invitation: { code: string };
    };
    const sam = { secret: samSecret };
    const answered = await call(
      'sam',
      'PUT /api/negotiations/:id/answers',
      { id },
      {
        ...sam,
        body: { items: samItems },
      },
    );
    expect(answered.status).toBe(200);

    // Alex reads the introduction and joins.
    const intro = await call('alex', 'GET /api/invitations/:code', { code: invitation.code });
    expect(intro.status).toBe(200);
    const accepted = await call(
      'alex',
      'POST /api/invitations/:code/accept',
      { code: invitation.code },
      {
        body: { name: 'Alex' },
      },
    );
    const alex = { secret: (accepted.json as { secret: string }).secret };
    const ids = { id, code: invitation.code, hash: agreementHash(pairAgreement) };

    /** Every route as Alex, with requests that are refused or change nothing. */
    async function probeAsAlex() {
      await call('alex', 'POST /api/negotiations', {}, { body: { name: '', role: 'x' } });
      const own = await call(
        'alex',
        'POST /api/negotiations',
        {},
        {
          body: { name: 'Alex', role: 'dominant' },
        },
      );
      const ownCode = (own.json as { invitation: { code: string } }).invitation.code;
      await call('alex', 'GET /api/invitations/:code', { code: ownCode });
      for (const code of [ids.code, 'ZZZZZZ', 'bad'])
        await call('alex', 'GET /api/invitations/:code', { code });
      await call('alex', 'POST /api/invitations/:code/accept', ids, { body: { name: 'Alex' } });
      await call('alex', 'POST /api/invitations/:code/decline', ids);
      await call('alex', 'POST /api/negotiations/:id/invitation', ids, alex);
      await call('alex', 'GET /api/negotiations/:id', ids, alex);
      const current = (await call('alex', 'GET /api/negotiations/:id', ids, alex))
        .json as ParticipantView;
      await call('alex', 'PUT /api/negotiations/:id/answers', ids, {
        ...alex,
        body: { items: current.own.items },
      });
      await call('alex', 'PUT /api/negotiations/:id/answers', ids, {
        ...alex,
        body: { items: { hands: { giving: { rating: 'perhaps' } } } },
      });
      await call('alex', 'POST /api/negotiations/:id/submit', ids, {
        ...alex,
        body: { now: true },
      });
      await call('alex', 'POST /api/negotiations/:id/items', ids, {
        ...alex,
        body: { customItems: [{}] },
      });
      await call('alex', 'PUT /api/negotiations/:id/draft', ids, {
        ...alex,
        body: { agreement: { version: 2 } },
      });
      await call('alex', 'POST /api/negotiations/:id/sign', ids, {
        ...alex,
        body: { agreementHash: 'x' },
      });
      await call('alex', 'POST /api/negotiations/:id/sign', ids, {
        ...alex,
        body: { agreementHash: `sha256:${'0'.repeat(64)}` },
      });
      await call('alex', 'POST /api/negotiations/:id/withdraw', ids, {
        ...alex,
        body: { reason: 'x' },
      });
      await call('alex', 'GET /api/agreements/:hash', { hash: `sha256:${'0'.repeat(64)}` }, alex);
      await call('alex', 'GET /api/agreements/:hash', { hash: 'nothing' }, alex);
      await call('alex', 'GET /api/agreements/:hash', ids, alex);
    }

    /** Every route without a right secret: none, a wrong one, and Alex's on Sam's side of things. */
    async function probeAsStranger() {
      for (const route of NEGOTIATION_ROUTES)
        for (const secret of [null, 'x'.repeat(43), alex.secret.slice(0, -1)])
          await call(
            'stranger',
            route,
            { ...ids, code: route.includes(':code') ? 'ABCDEF' : ids.code },
            {
              secret,
              ...(route.startsWith('GET') ? {} : { body: {} }),
            },
          );
    }

    const alexView = async () =>
      (await call('alex', 'GET /api/negotiations/:id', ids, alex)).json as ParticipantView;

    // Joined; only Sam has answered.
    await probeAsAlex();
    expect((await alexView()).overlap).toBeNull();

    // Both answered, Sam submitted, Alex not: still nothing revealed.
    await call('alex', 'PUT /api/negotiations/:id/answers', ids, {
      ...alex,
      body: { items: alexItems },
    });
    await call('sam', 'POST /api/negotiations/:id/submit', ids, sam);
    await probeAsAlex();
    expect((await alexView()).overlap).toBeNull();

    // Both submitted: the overlap, and nothing else.
    const revealed = (await call('alex', 'POST /api/negotiations/:id/submit', ids, alex))
      .json as ParticipantView;
    const expected = revealOverlap(
      builtInCatalogue,
      { author: 'submissive', items: samItems },
      { author: 'dominant', items: alexItems },
    );
    expect(expected.items.map((i) => i.id)).toEqual(['hands']);
    expect(revealed.overlap).toEqual(expected);
    await probeAsAlex();

    // The draft, one signature, then sealed.
    const draft = {
      ...pairAgreement,
      participants: [
        { id: 'dominant', name: 'Alex', role: 'dominant' },
        { id: 'submissive', name: 'Sam', role: 'submissive' },
      ],
    };
    ids.hash = agreementHash(draft as typeof pairAgreement);
    await call('alex', 'PUT /api/negotiations/:id/draft', ids, {
      ...alex,
      body: { agreement: draft },
    });
    await call('sam', 'POST /api/negotiations/:id/sign', ids, {
      ...sam,
      body: { agreementHash: ids.hash },
    });
    await probeAsAlex();
    const sealed = await call('alex', 'POST /api/negotiations/:id/sign', ids, {
      ...alex,
      body: { agreementHash: ids.hash },
    });
    expect((sealed.json as ParticipantView).agreements).toHaveLength(1);
    expect((await call('alex', 'GET /api/agreements/:hash', ids, alex)).status).toBe(200);
    await probeAsAlex();

    // Sam changes an answer after the reveal: a new round, and Alex still sees only round 1's overlap.
    const changed = {
      ...samItems,
      rope: { receiving: { rating: 'maybe' as const, note: `${SAM_MARK} changed` } },
    };
    await call('sam', 'PUT /api/negotiations/:id/answers', ids, {
      ...sam,
      body: { items: changed },
    });
    await call('sam', 'POST /api/negotiations/:id/submit', ids, sam);
    const round2 = await alexView();
    expect(round2).toMatchObject({ round: 2, revealedRound: 1, partner: { submitted: true } });
    expect(round2.overlap).toEqual(expected);
    await probeAsAlex();
    await call('alex', 'POST /api/negotiations/:id/withdraw', ids, alex);
    await probeAsAlex();
    await probeAsStranger();

    // Sam gets their own answers back, notes included (the markers are real, and reachable by them).
    const samView = (await call('sam', 'GET /api/negotiations/:id', ids, sam))
      .json as ParticipantView;
    expect(samView.own.items).toEqual(changed);

    // The search: nothing of Sam's reached Alex or a stranger; nothing of Alex's reached Sam or a stranger.
    const outside = (text: string) => {
      const body = text.slice(text.indexOf('\n{') + 1);
      if (!body.startsWith('{')) return text;
      const json = JSON.parse(body) as Record<string, unknown>;
      delete json.catalogue; // the fixed, shared list of every item
      return JSON.stringify(json);
    };
    for (const s of seen) {
      const where = `${s.caller}: ${s.route} → ${s.status}`;
      if (s.caller !== 'sam') {
        expect(s.text, where).not.toContain(SAM_MARK);
        expect(s.text, where).not.toContain(samSecret);
        for (const item of SAM_ONLY_IDS) expect(outside(s.text), where).not.toContain(`"${item}"`);
      }
      if (s.caller !== 'alex') {
        expect(s.text, where).not.toContain(ALEX_MARK);
        expect(s.text, where).not.toContain(alex.secret);
        for (const item of ALEX_ONLY_IDS) expect(outside(s.text), where).not.toContain(`"${item}"`);
      }
    }
    // No log line either.
    for (const line of r.reports) {
      expect(line).not.toContain(SAM_MARK);
      expect(line).not.toContain(ALEX_MARK);
    }

    // Every route was tried as the other partner and as a stranger: a new route must join the probes.
    for (const caller of ['alex', 'stranger'] as const) {
      const covered = new Set(seen.filter((s) => s.caller === caller).map((s) => s.route));
      expect(
        [...NEGOTIATION_ROUTES].filter((route) => !covered.has(route)),
        caller,
      ).toEqual([]);
    }
    // The stranger got nothing but refusals.
    for (const s of seen.filter((x) => x.caller === 'stranger'))
      expect(s.status, s.route).toBeGreaterThanOrEqual(400);
  });
});
