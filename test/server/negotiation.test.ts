import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementHash,
  builtInCatalogue,
  revealOverlap,
  type Agreement,
  type Answers,
} from '../../src/core';
import type { ParticipantView } from '../../src/server/negotiation/participant-view';
import type { SealedAgreement } from '../../src/server/negotiation/signing';
import { pairAgreement } from '../fixtures/agreements';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { api } from './scene-setup';

type Created = {
  negotiationId: string;
  secret: string;
  invitation: { code: string; expiresAt: number; url: string };
};
type Joined = { negotiationId: string; role: string; secret: string };
type Refused = { error: string; code: string };

const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });

/** Sam (the receiver) invites Alex (the dominant); both names as the agreement must carry them. */
async function invited(url: string, message?: string) {
  const created = await api<Created>(url, '/api/negotiations', {
    body: { name: 'Sam', role: 'submissive', ...(message === undefined ? {} : { message }) },
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function joined(url: string) {
  const sam = await invited(url);
  const accepted = await api<Joined>(url, `/api/invitations/${sam.invitation.code}/accept`, {
    body: { name: 'Alex' },
  });
  expect(accepted.status).toBe(200);
  const id = sam.negotiationId;
  const as = (secret: string) => ({
    get: () => api<ParticipantView>(url, `/api/negotiations/${id}`, { headers: auth(secret) }),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body's shape
    put: <T = ParticipantView>(path: string, body: unknown) =>
      api<T>(url, `/api/negotiations/${id}/${path}`, {
        method: 'PUT',
        body,
        headers: auth(secret),
      }),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body's shape
    post: <T = ParticipantView>(path: string, body?: unknown) =>
      api<T>(url, `/api/negotiations/${id}/${path}`, {
        method: 'POST',
        ...(body === undefined ? {} : { body }),
        headers: auth(secret),
      }),
    agreement: (hash: string) =>
      api<SealedAgreement & { yourSignatureVerifies: boolean }>(url, `/api/agreements/${hash}`, {
        headers: auth(secret),
      }),
  });
  return {
    id,
    code: sam.invitation.code,
    secrets: { sam: sam.secret, alex: accepted.body.secret },
    sam: as(sam.secret),
    alex: as(accepted.body.secret),
  };
}

const samItems: Answers['items'] = {
  hands: { receiving: { rating: 'yes', note: 'gently at first' } },
  'vibrator-wand': { receiving: { rating: 'maybe' } },
  rope: { receiving: { rating: 'no' } },
  'post-orgasm-1-min': { receiving: { rating: 'yes' } },
};
const alexItems: Answers['items'] = {
  hands: { giving: { rating: 'yes' } },
  'vibrator-wand': { giving: { rating: 'yes', note: 'we have one' } },
  rope: { giving: { rating: 'yes' } },
  'post-orgasm-1-min': { giving: { rating: 'maybe' } },
};
const overlapOf = (sam: Answers['items'], alex: Answers['items']) =>
  revealOverlap(
    builtInCatalogue,
    { author: 'submissive', items: sam },
    { author: 'dominant', items: alex },
  );

/** The fixture agreement, naming the two partners as they joined. */
const agreement = (changes: Partial<Agreement> = {}): Agreement => ({
  ...pairAgreement,
  participants: [
    { id: 'dominant', name: 'Alex', role: 'dominant' },
    { id: 'submissive', name: 'Sam', role: 'submissive' },
  ],
  ...changes,
});

describe('negotiation over the real server', () => {
  let r: TestRedline;
  beforeAll(async () => {
    r = await startTestRedline();
  });
  afterAll(async () => {
    await r.close();
  });

  it('[P3] runs invite → introduction → accept → answers → reveal → draft → both sign → sealed', async () => {
    const message = 'I read about something I would like to try with you. No pressure at all.';
    const sam = await invited(r.url, message);
    expect(sam.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sam.invitation.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(sam.invitation.url).toBe(`${r.server.panelBaseUrl}#/invite/${sam.invitation.code}`);
    const week = 7 * 24 * 3600 * 1000;
    expect(Math.abs(sam.invitation.expiresAt - (Date.now() + week))).toBeLessThan(60_000);
    const samAuth = auth(sam.secret);
    const id = sam.negotiationId;
    // Sam answers first; the introduction shows nothing of it.
    const put = await api<ParticipantView>(r.url, `/api/negotiations/${id}/answers`, {
      method: 'PUT',
      body: { items: samItems },
      headers: samAuth,
    });
    expect(put.status).toBe(200);
    expect(put.body.own).toEqual({ author: 'submissive', items: samItems });
    const intro = await api(r.url, `/api/invitations/${sam.invitation.code.toLowerCase()}`);
    expect(intro.body).toStrictEqual({
      initiator: { name: 'Sam', role: 'submissive' },
      you: { role: 'dominant' },
      message,
      expiresAt: sam.invitation.expiresAt,
    });
    const accepted = await api<Joined>(r.url, `/api/invitations/${sam.invitation.code}/accept`, {
      body: { name: 'Alex' },
    });
    expect(accepted.body).toMatchObject({ negotiationId: id, role: 'dominant' });
    const alexAuth = auth(accepted.body.secret);
    const view = async (headers: Record<string, string>) =>
      (await api<ParticipantView>(r.url, `/api/negotiations/${id}`, { headers })).body;

    await api(r.url, `/api/negotiations/${id}/answers`, {
      method: 'PUT',
      body: { items: alexItems },
      headers: alexAuth,
    });
    let alex = await view(alexAuth);
    expect(alex.you).toEqual({ name: 'Alex', role: 'dominant', submitted: false });
    expect(alex.partner).toEqual({
      name: 'Sam',
      role: 'submissive',
      joined: true,
      submitted: false,
    });
    expect(alex.own).toEqual({ author: 'dominant', items: alexItems });
    expect(alex.overlap).toBeNull();
    expect(alex.catalogue).toEqual(builtInCatalogue);

    // One submitted: still nothing revealed, to either.
    await api(r.url, `/api/negotiations/${id}/submit`, { method: 'POST', headers: samAuth });
    alex = await view(alexAuth);
    expect(alex.partner.submitted).toBe(true);
    expect(alex.overlap).toBeNull();
    expect((await view(samAuth)).overlap).toBeNull();

    const both = await api<ParticipantView>(r.url, `/api/negotiations/${id}/submit`, {
      method: 'POST',
      headers: alexAuth,
    });
    expect(both.body.revealedRound).toBe(1);
    const expected = overlapOf(samItems, alexItems);
    // Sam's "no" to rope leaves it out, whatever Alex said.
    expect(expected.items.map((i) => i.id)).toEqual([
      'hands',
      'vibrator-wand',
      'post-orgasm-1-min',
    ]);
    expect(both.body.overlap).toEqual(expected);
    expect((await view(samAuth)).overlap).toEqual(expected);

    const draft = agreement();
    const hash = agreementHash(draft);
    const drafted = await api<ParticipantView>(r.url, `/api/negotiations/${id}/draft`, {
      method: 'PUT',
      body: { agreement: draft },
      headers: alexAuth,
    });
    expect(drafted.body.draft).toMatchObject({ version: 1, agreementHash: hash, by: 'dominant' });
    const sign = (headers: Record<string, string>) =>
      api<ParticipantView>(r.url, `/api/negotiations/${id}/sign`, {
        body: { agreementHash: hash },
        headers,
      });
    const first = await sign(samAuth);
    expect(first.body.draft?.signatures.map((s) => s.role)).toEqual(['submissive']);
    expect(first.body.agreements).toEqual([]);
    const second = await sign(alexAuth);
    expect(second.body.draft?.sealed).toBe('in-force');
    expect(second.body.agreements).toMatchObject([{ agreementHash: hash, state: 'in-force' }]);

    for (const headers of [samAuth, alexAuth]) {
      const sealed = await api<SealedAgreement & { yourSignatureVerifies: boolean }>(
        r.url,
        `/api/agreements/${hash}`,
        { headers },
      );
      expect(sealed.status).toBe(200);
      expect(sealed.body.agreement).toEqual(draft);
      expect(sealed.body.state).toBe('in-force');
      expect(sealed.body.yourSignatureVerifies).toBe(true);
      expect(sealed.body.signatures.map((s) => [s.participant, s.name, s.role])).toEqual([
        ['submissive', 'Sam', 'submissive'],
        ['dominant', 'Alex', 'dominant'],
      ]);
      for (const s of sealed.body.signatures) {
        expect(s.agreementHash).toBe(hash);
        expect(s.mac).toMatch(/^[0-9a-f]{64}$/);
      }
    }
    expect(r.server.negotiations.sealedAgreement(hash, id)).toMatchObject({
      agreement: draft,
      negotiationId: id,
      state: 'in-force',
    });
  });

  it('[P2] answers 401 to a wrong secret, a missing one, or another negotiation’s, everywhere', async () => {
    // Its own server: these wrong secrets count as failed attempts from this address.
    const own = await startTestRedline();
    try {
      await wrongSecrets(own);
    } finally {
      await own.close();
    }
  });

  it('refuses answers that are not the catalogue’s, never takes the author from the body, and takes a full set', async () => {
    const n = await joined(r.url);
    const bad = await n.sam.put<Refused>('answers', {
      author: 'dominant',
      items: { hands: { giving: { rating: 'great' } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('unknown key: "author"');
    expect(bad.body.error).toContain('items.hands.giving.rating: must be "yes" or "maybe" or "no"');
    const unknown = await n.sam.put<Refused>('answers', {
      items: { nope: { giving: { rating: 'yes' } } },
    });
    expect(unknown.body.error).toBe('items.nope: is not an item in the catalogue');
    expect((await n.sam.get()).body.own.items).toEqual({});
    // Every item, both roles, the longest notes: larger than the API's usual 16 KiB, still taken.
    const note = 'é'.repeat(500);
    const full = Object.fromEntries(
      builtInCatalogue.items.map((i) => [
        i.id,
        { giving: { rating: 'maybe', note }, receiving: { rating: 'no', note } },
      ]),
    );
    const big = await n.sam.put('answers', { items: full });
    expect(big.status).toBe(200);
    expect(big.body.own.items).toEqual(full);
    const tooLong = await n.sam.put<Refused>('answers', {
      items: { hands: { giving: { rating: 'yes', note: `${note}x` } } },
    });
    expect(tooLong.body.error).toBe('items.hands.giving.note: must be at most 500 characters');
    expect((await n.sam.get()).body.own.items).toEqual(full);
  });

  it('adds the couple’s own items to the shared catalogue, once each', async () => {
    const n = await joined(r.url);
    const item = {
      id: 'custom:slow-dance',
      group: 'stimulation',
      label: 'A slow dance first',
      explanation: 'Dancing close before anything else.',
    };
    const added = await n.sam.post('items', { customItems: [item] });
    expect(added.status).toBe(200);
    expect(added.body.catalogue.items.at(-1)).toEqual({ ...item, custom: true });
    expect((await n.alex.get()).body.catalogue.items.at(-1)).toEqual({ ...item, custom: true });
    const again = await n.alex.post<Refused>('items', {
      customItems: [{ ...item, label: '' }, item],
    });
    expect(again.status).toBe(400);
    expect(again.body.error).toContain('customItems[0].label: must not be empty');
    const dup = await n.alex.post<Refused>('items', { customItems: [item] });
    expect(dup.body.error).toBe('customItems[0].id: is already in the catalogue');
    const rated = await n.alex.put('answers', {
      items: { 'custom:slow-dance': { giving: { rating: 'yes' } } },
    });
    expect(rated.status).toBe(200);
  });

  it('reveals a round only when both submitted it; a change after a reveal starts the next round', async () => {
    const n = await joined(r.url);
    await n.sam.put('answers', { items: samItems });
    await n.alex.put('answers', { items: alexItems });
    // Before a reveal, a change only takes back one's own submission.
    await n.sam.post('submit');
    const changedFirst = { ...samItems, mouth: { receiving: { rating: 'maybe' as const } } };
    let sam = (await n.sam.put('answers', { items: changedFirst })).body;
    expect(sam.round).toBe(1);
    expect(sam.you.submitted).toBe(false);
    await n.sam.put('answers', { items: samItems });
    await n.sam.post('submit');
    const revealed = (await n.alex.post('submit')).body;
    expect(revealed).toMatchObject({ round: 1, revealedRound: 1 });
    const first = overlapOf(samItems, alexItems);
    expect(revealed.overlap).toEqual(first);

    // The same answers again change nothing.
    expect((await n.sam.put('answers', { items: samItems })).body).toMatchObject({
      round: 1,
      you: { submitted: true },
    });

    // A change after the reveal: round 2 for both; the overlap stays round 1's.
    const changed = { ...samItems, hands: { receiving: { rating: 'no' as const } } };
    sam = (await n.sam.put('answers', { items: changed })).body;
    expect(sam).toMatchObject({ round: 2, revealedRound: 1, you: { submitted: false } });
    expect(sam.overlap).toEqual(first);
    let alex = (await n.alex.get()).body;
    expect(alex).toMatchObject({
      round: 2,
      revealedRound: 1,
      you: { submitted: false },
      partner: { submitted: false },
    });
    expect(alex.own.items).toEqual(alexItems);
    expect(alex.overlap).toEqual(first);

    await n.sam.post('submit');
    alex = (await n.alex.get()).body;
    expect(alex.partner.submitted).toBe(true);
    expect(alex.overlap).toEqual(first);
    alex = (await n.alex.post('submit')).body;
    expect(alex).toMatchObject({ round: 2, revealedRound: 2 });
    expect(alex.overlap).toEqual(overlapOf(changed, alexItems));
    expect(alex.overlap?.items.map((i) => i.id)).not.toContain('hands');
  });

  it('validates a draft, naming each wrong field, and keeps it to the two partners', async () => {
    const invitedOnly = await invited(r.url);
    const early = await api<Refused>(
      r.url,
      `/api/negotiations/${invitedOnly.negotiationId}/draft`,
      { method: 'PUT', body: { agreement: agreement() }, headers: auth(invitedOnly.secret) },
    );
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('not-joined');

    const n = await joined(r.url);
    const missing = await n.alex.put<Refused>('draft', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('agreement: is required');
    const wrong = await n.alex.put<Refused>('draft', {
      agreement: {
        ...agreement(),
        checkIn: { intervalSeconds: 30, answerTimeoutSeconds: 40, onMissed: 'pause' },
        postOrgasm: { maxSeconds: 0, ceiling: 2 },
        outputs: {},
      },
    });
    expect(wrong.status).toBe(400);
    for (const field of [
      'agreement.checkIn.answerTimeoutSeconds',
      'agreement.postOrgasm.maxSeconds',
      'agreement.postOrgasm.ceiling',
      'agreement.outputs',
    ])
      expect(wrong.body.error).toContain(`${field}: `);
    const strangers = await n.alex.put<Refused>('draft', {
      agreement: agreement({
        participants: [
          { id: 'dominant', name: 'Alex', role: 'dominant' },
          { id: 'someone', name: 'Kim', role: 'submissive' },
        ],
      }),
    });
    expect(strangers.body.error).toMatch(/^agreement\.participants: must be this negotiation/);
    const solo = await n.alex.put<Refused>('draft', {
      agreement: agreement({
        mode: 'solo',
        participants: [{ id: 'submissive', name: 'Sam', role: 'submissive' }],
        plan: {
          warmUp: [{ afterSeconds: 0, level: 0.1 }],
          play: [{ afterSeconds: 0, level: 0.2 }],
          postOrgasm: [{ afterSeconds: 0, level: 0.1 }],
        },
      }),
    });
    expect(solo.body.error).toMatch(/^agreement\.mode: must be "pair"/);
    expect((await n.alex.get()).body.draft).toBeNull();
  });

  it('refuses to sign a stale hash; a new draft takes back every signature', async () => {
    const n = await joined(r.url);
    const noDraft = await n.sam.post<Refused>('sign', {
      agreementHash: agreementHash(agreement()),
    });
    expect(noDraft).toMatchObject({ status: 409, body: { code: 'no-draft' } });
    const a = agreement();
    const b = agreement({ yellow: { factor: 0.3 } });
    await n.alex.put('draft', { agreement: a });
    await n.sam.put('draft', { agreement: b });
    const stale = await n.alex.post<Refused>('sign', { agreementHash: agreementHash(a) });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale');
    const malformed = await n.alex.post<Refused>('sign', { agreementHash: 'abc' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/^agreementHash: /);

    const signed = await n.alex.post('sign', { agreementHash: agreementHash(b) });
    expect(signed.body.draft?.signatures).toHaveLength(1);
    // The same draft again is no new draft: the signature stays.
    expect((await n.sam.put('draft', { agreement: b })).body.draft?.signatures).toHaveLength(1);
    const changed = await n.sam.put('draft', { agreement: a });
    expect(changed.body.draft).toMatchObject({ version: 3, agreementHash: agreementHash(a) });
    expect(changed.body.draft?.signatures).toEqual([]);
    expect(changed.body.agreements).toEqual([]);
  });

  it('keeps a sealed agreement as it was; a newer one replaces it; the same one cannot be sealed twice', async () => {
    const n = await joined(r.url);
    const first = agreement();
    const h1 = agreementHash(first);
    await n.alex.put('draft', { agreement: first });
    await n.alex.post('sign', { agreementHash: h1 });
    await n.sam.post('sign', { agreementHash: h1 });
    const sealed = (await n.sam.agreement(h1)).body;
    expect(sealed.state).toBe('in-force');
    const again = await n.sam.post<Refused>('sign', { agreementHash: h1 });
    expect(again.body.code).toBe('already-sealed');

    const second = agreement({ postOrgasm: { maxSeconds: 45, ceiling: 0.5 } });
    const h2 = agreementHash(second);
    const drafted = (await n.sam.put('draft', { agreement: second })).body;
    expect(drafted.draft).toMatchObject({ version: 2, sealed: null, signatures: [] });
    expect(drafted.agreements).toMatchObject([{ agreementHash: h1, state: 'in-force' }]);
    expect((await n.alex.agreement(h1)).body).toEqual({ ...sealed, yourSignatureVerifies: true });

    await n.sam.post('sign', { agreementHash: h2 });
    const both = (await n.alex.post('sign', { agreementHash: h2 })).body;
    expect(both.agreements.map((a) => [a.agreementHash, a.state])).toEqual([
      [h2, 'in-force'],
      [h1, 'replaced'],
    ]);
    const old = (await n.sam.agreement(h1)).body;
    expect({ ...old, state: 'in-force' }).toEqual(sealed);
    expect(r.server.negotiations.sealedAgreement(h1, n.id)?.state).toBe('replaced');

    await n.alex.put('draft', { agreement: first });
    const revived = await n.alex.post<Refused>('sign', { agreementHash: h1 });
    expect(revived.status).toBe(409);
    expect(revived.body.code).toBe('sealed-before');
  });

  it('withdrawing consent takes the agreement out of force, and one’s pending signature back', async () => {
    const n = await joined(r.url);
    const a = agreement();
    const h = agreementHash(a);
    await n.alex.put('draft', { agreement: a });
    await n.alex.post('sign', { agreementHash: h });
    await n.sam.post('sign', { agreementHash: h });
    const b = agreement({ yellow: { factor: 0.25 } });
    await n.alex.put('draft', { agreement: b });
    await n.alex.post('sign', { agreementHash: agreementHash(b) });

    const withdrawn = await n.sam.post('withdraw');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.agreements).toMatchObject([
      { agreementHash: h, state: 'withdrawn', withdrawnBy: 'submissive' },
    ]);
    // Alex's signature on the new draft is Alex's to take back, not Sam's.
    expect(withdrawn.body.draft?.signatures.map((s) => s.role)).toEqual(['dominant']);
    expect((await n.alex.agreement(h)).body).toMatchObject({ state: 'withdrawn', agreement: a });
    expect(r.server.negotiations.sealedAgreement(h, n.id)?.state).toBe('withdrawn');

    const alexWithdraws = (await n.alex.post('withdraw')).body;
    expect(alexWithdraws.draft?.signatures).toEqual([]);
    expect(alexWithdraws.agreements).toMatchObject([
      { state: 'withdrawn', withdrawnBy: 'submissive' },
    ]);
    const reuse = await n.alex.post<Refused>('sign', { agreementHash: h });
    expect(reuse.status).toBe(409);
  });
});

describe('a restarted server', () => {
  it('keeps negotiations: answers, the reveal, the draft and sealed agreements, secrets still valid', async () => {
    const first = await startTestRedline();
    const n = await joined(first.url);
    await n.sam.put('answers', { items: samItems });
    await n.alex.put('answers', { items: alexItems });
    await n.sam.post('submit');
    await n.alex.post('submit');
    const h = agreementHash(agreement());
    await n.alex.put('draft', { agreement: agreement() });
    await n.alex.post('sign', { agreementHash: h });
    await n.sam.post('sign', { agreementHash: h });
    const before = (await n.sam.get()).body;
    await first.stop();
    while (first.sim.clientName() !== null) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await startTestRedline({ dataDir: first.dataDir, sim: first.sim });
    try {
      const again = await api<ParticipantView>(second.url, `/api/negotiations/${n.id}`, {
        headers: auth(n.secrets.sam),
      });
      expect(again.body).toEqual(before);
      expect(again.body.overlap).toEqual(overlapOf(samItems, alexItems));
      const sealed = await api<{ yourSignatureVerifies: boolean; state: string }>(
        second.url,
        `/api/agreements/${h}`,
        { headers: auth(n.secrets.alex) },
      );
      expect(sealed.body).toMatchObject({ state: 'in-force', yourSignatureVerifies: true });
    } finally {
      await second.close();
    }
  });
});

describe('invitations', () => {
  let r: TestRedline;
  beforeAll(async () => {
    r = await startTestRedline();
  });
  afterAll(async () => {
    await r.close();
  });

  it('refuses bad requests to invite, naming the fields', async () => {
    const bad = await api<Refused>(r.url, '/api/negotiations', {
      body: { name: ' ', role: 'boss', message: 'x'.repeat(501), extra: 1 },
    });
    expect(bad.status).toBe(400);
    for (const field of ['name', 'role', 'message', 'unknown key: "extra"'])
      expect(bad.body.error).toContain(field);
  });

  it('refuses malformed (400), unknown (404) and used (410) codes', async () => {
    expect((await api(r.url, '/api/invitations/short')).status).toBe(400);
    const unknown = await api<Refused>(r.url, '/api/invitations/ZZZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('unknown');
    const n = await joined(r.url);
    for (const [method, path] of [
      ['GET', `/api/invitations/${n.code}`],
      ['POST', `/api/invitations/${n.code}/accept`],
      ['POST', `/api/invitations/${n.code}/decline`],
    ] as const) {
      const used = await api<Refused>(r.url, path, {
        method,
        ...(path.endsWith('accept') ? { body: { name: 'Kim' } } : {}),
      });
      expect(used.status, path).toBe(410);
      expect(used.body.code).toBe('used');
    }
    const noName = await api<Refused>(r.url, `/api/invitations/${n.code}/accept`, { body: {} });
    expect(noName.status).toBe(400);
    expect(noName.body.error).toBe('name: is required');
  });

  it('lets the partner decline: the initiator sees only "declined", and the negotiation closes', async () => {
    const sam = await invited(r.url, 'Would you like to talk about something new?');
    const declined = await api(r.url, `/api/invitations/${sam.invitation.code}/decline`, {
      method: 'POST',
    });
    expect(declined.status).toBe(204);
    expect(declined.body).toBe('');
    const samAuth = auth(sam.secret);
    const view = await api<ParticipantView>(r.url, `/api/negotiations/${sam.negotiationId}`, {
      headers: samAuth,
    });
    expect(view.body.status).toBe('declined');
    expect(view.body.partner).toEqual({
      name: null,
      role: 'dominant',
      joined: false,
      submitted: false,
    });
    expect(view.body.invitation).toBeNull();
    const late = await api<Refused>(r.url, `/api/invitations/${sam.invitation.code}/accept`, {
      body: { name: 'Alex' },
    });
    expect(late.status).toBe(410);
    for (const [path, method, body] of [
      ['answers', 'PUT', { items: {} }],
      ['submit', 'POST', undefined],
      ['invitation', 'POST', undefined],
    ] as const) {
      const closed = await api<Refused>(r.url, `/api/negotiations/${sam.negotiationId}/${path}`, {
        method,
        body,
        headers: samAuth,
      });
      expect(closed.status, path).toBe(409);
      expect(closed.body.code).toBe('declined');
    }
  });

  it('gives the initiator a fresh code that replaces the last; only the initiator, only before joining', async () => {
    const sam = await invited(r.url);
    const path = `/api/negotiations/${sam.negotiationId}/invitation`;
    const fresh = await api<{ code: string; url: string; expiresAt: number }>(r.url, path, {
      method: 'POST',
      headers: auth(sam.secret),
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.code).not.toBe(sam.invitation.code);
    expect(fresh.body.url).toContain(`#/invite/${fresh.body.code}`);
    expect((await api(r.url, `/api/invitations/${sam.invitation.code}`)).status).toBe(410);
    const accepted = await api<Joined>(r.url, `/api/invitations/${fresh.body.code}/accept`, {
      body: { name: 'Alex' },
    });
    expect(accepted.status).toBe(200);
    const byPartner = await api<Refused>(r.url, path, {
      method: 'POST',
      headers: auth(accepted.body.secret),
    });
    expect(byPartner.status).toBe(403);
    const afterJoining = await api<Refused>(r.url, path, {
      method: 'POST',
      headers: auth(sam.secret),
    });
    expect(afterJoining.status).toBe(409);
    expect(afterJoining.body.code).toBe('joined');
  });

  it('answers 400 to a body that is not JSON and 413 to one too large, naming neither’s content', async () => {
    const n = await joined(r.url);
    const notJson = await fetch(new URL(`/api/negotiations/${n.id}/answers`, r.url), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${n.secrets.sam}` },
      body: '{"items": {"hands": PRIVATE',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      error: 'the body is not valid JSON',
      code: 'bad-request',
    });
    const huge = await n.sam.put<Refused>('answers', { items: {}, pad: 'x'.repeat(600 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual({ error: 'the body is too large', code: 'bad-request' });
    const draftTooBig = await n.sam.put<Refused>('draft', { agreement: 'x'.repeat(70 * 1024) });
    expect(draftTooBig.status).toBe(413);
  });

  it('rate-limits guessing codes: after 10 wrong tries an address must wait, even with a right code', async () => {
    const fresh = await startTestRedline();
    try {
      const sam = await invited(fresh.url);
      for (let i = 0; i < 10; i++)
        expect((await api(fresh.url, '/api/invitations/ZZZZZZ')).status).toBe(404);
      const limited = await api<Refused>(fresh.url, '/api/invitations/ZZZZZZ');
      expect(limited.status).toBe(429);
      expect(limited.body.error).toMatch(/try again in \d+ s/);
      for (const [method, path] of [
        ['GET', `/api/invitations/${sam.invitation.code}`],
        ['POST', `/api/invitations/${sam.invitation.code}/accept`],
        ['POST', `/api/invitations/${sam.invitation.code}/decline`],
      ] as const)
        expect(
          (await api(fresh.url, path, { method, ...(method === 'POST' ? { body: {} } : {}) }))
            .status,
        ).toBe(429);
      // A right secret is never refused for the address's failures.
      const own = await api(fresh.url, `/api/negotiations/${sam.negotiationId}`, {
        headers: auth(sam.secret),
      });
      expect(own.status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

async function wrongSecrets(r: TestRedline) {
  const a = await joined(r.url);
  const b = await joined(r.url);
  const hash = agreementHash(agreement());
  await a.alex.put('draft', { agreement: agreement() });
  await a.alex.post('sign', { agreementHash: hash });
  await a.sam.post('sign', { agreementHash: hash });
  const wrong = 'x'.repeat(43);
  const calls: [string, string, unknown][] = [
    ['GET', `/api/negotiations/${a.id}`, undefined],
    ['PUT', `/api/negotiations/${a.id}/answers`, { items: {} }],
    ['POST', `/api/negotiations/${a.id}/submit`, undefined],
    ['POST', `/api/negotiations/${a.id}/items`, { customItems: [] }],
    ['POST', `/api/negotiations/${a.id}/invitation`, undefined],
    ['PUT', `/api/negotiations/${a.id}/draft`, { agreement: agreement() }],
    ['POST', `/api/negotiations/${a.id}/sign`, { agreementHash: hash }],
    ['POST', `/api/negotiations/${a.id}/withdraw`, undefined],
    ['GET', `/api/agreements/${hash}`, undefined],
  ];
  for (const [method, path, body] of calls)
    for (const headers of [{}, auth(wrong), { authorization: 'Basic abc' }]) {
      const answer = await api<Refused>(r.url, path, { method, body, headers });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.body).toEqual({
        error: 'unknown negotiation or secret',
        code: 'unauthorized',
      });
    }
  // Another negotiation's partner, with a right secret of their own, gets the same 401.
  const other = await api(r.url, `/api/negotiations/${a.id}`, {
    headers: auth(b.secrets.alex),
  });
  expect(other.status).toBe(401);
  // …and their sealed agreements are not found among theirs.
  const notTheirs = await b.alex.agreement(hash);
  expect(notTheirs.status).toBe(404);
  expect((await a.sam.agreement(hash)).status).toBe(200);
}
