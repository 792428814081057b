import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpTimes } from '../../src/core';
import { AFTERCARE_ROUTES, type AftercareRoute } from '../../src/server/http/aftercare-routes';
import type { DebriefView, FollowUpsView } from '../../src/protocol/debrief';
import type { ParticipantView } from '../../src/protocol/negotiation';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { api, createScene } from './scene-setup';

/**
 * P3 for debriefs, over the real server: what a partner writes in a debrief stays theirs until
 * they share it, and then only the part they chose reaches the other partner — through every
 * route of AFTERCARE_ROUTES, and through the next negotiation's view. Follow-ups come into being
 * from the stop, each answered once.
 */

const SAM_MARK = 'PRIVATE-SAM-d3Rf';
const ALEX_MARK = 'PRIVATE-ALEX-p8Hn';

const samDebrief = {
  feeling: { scale: 3, words: `${SAM_MARK} tired` },
  intensity: 'too-high',
  limit: { answer: 'approached', which: ['intensity'], note: `${SAM_MARK} near the end` },
  signal: { answer: 'no' },
  keep: `${SAM_MARK} the slow start`,
  change: `${SAM_MARK} gentler after`,
};
const alexDebrief = { intensity: 'right', keep: `${ALEX_MARK} the check-ins` };

type Caller = 'sam' | 'alex' | 'stranger';
type Answer = { status: number; text: string; json: unknown };

describe('[P3] debriefs and follow-ups, called as the other partner', () => {
  let r: TestRedline;
  let sceneId = '';
  let negotiationId = '';
  const secrets: Record<Caller, string> = { sam: '', alex: '', stranger: 'x'.repeat(43) };
  let negotiationSecret = '';
  const seen: { caller: Caller; route: AftercareRoute; text: string }[] = [];

  beforeAll(async () => {
    r = await startTestRedline();
    const created = await createScene(r.url, 'pair');
    if (created.pairing === null || created.signed === undefined) throw new Error('a pair scene');
    sceneId = created.sceneId;
    negotiationId = created.signed.negotiationId;
    negotiationSecret = created.signed.secrets.dominant;
    secrets.alex = created.secret;
    const paired = await api<{ secret: string }>(r.url, '/api/pair', {
      body: { code: created.pairing.code },
    });
    secrets.sam = paired.body.secret;
  });
  afterAll(async () => {
    await r.close();
  });

  const PATHS: Record<AftercareRoute, (due: string) => { method: string; path: string }> = {
    'GET /api/scenes/:id/debrief': () => ({
      method: 'GET',
      path: `/api/scenes/${sceneId}/debrief`,
    }),
    'PUT /api/scenes/:id/debrief': () => ({
      method: 'PUT',
      path: `/api/scenes/${sceneId}/debrief`,
    }),
    'POST /api/scenes/:id/debrief/share': () => ({
      method: 'POST',
      path: `/api/scenes/${sceneId}/debrief/share`,
    }),
    'GET /api/scenes/:id/follow-ups': () => ({
      method: 'GET',
      path: `/api/scenes/${sceneId}/follow-ups`,
    }),
    'POST /api/scenes/:id/follow-ups/:due': (due) => ({
      method: 'POST',
      path: `/api/scenes/${sceneId}/follow-ups/${due}`,
    }),
  };

  async function call(
    caller: Caller | null,
    route: AftercareRoute,
    options: { body?: unknown; due?: string } = {},
  ): Promise<Answer> {
    const { method, path } = PATHS[route](options.due ?? '0');
    const body = method === 'GET' ? undefined : options.body;
    const response = await fetch(new URL(path, r.url), {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(caller === null ? {} : { authorization: `Bearer ${secrets[caller]}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (caller !== null) seen.push({ caller, route, text });
    return {
      status: response.status,
      text,
      json: text === '' ? null : (JSON.parse(text) as unknown),
    };
  }

  it('each writes a private debrief; the other sees none of it', async () => {
    expect((await call('sam', 'PUT /api/scenes/:id/debrief', { body: samDebrief })).status).toBe(
      200,
    );
    const alexPut = await call('alex', 'PUT /api/scenes/:id/debrief', { body: alexDebrief });
    expect(alexPut.status).toBe(200);
    const alex = alexPut.json as DebriefView;
    expect(alex.you.answers).toEqual(alexDebrief);
    expect(alex.partner).toEqual({ role: 'submissive', name: 'Sam', shared: null, sharedAt: null });
    expect(alex.suggestions).toEqual([]);
    const sam = (await call('sam', 'GET /api/scenes/:id/debrief')).json as DebriefView;
    expect(sam.you.answers).toEqual(samDebrief);
    expect(sam.you.role).toBe('submissive');
  });

  it('refuses a wrong or missing secret the same way, before reading anything', async () => {
    for (const route of AFTERCARE_ROUTES) {
      const wrong = await call('stranger', route, { body: {}, due: '1' });
      expect(wrong.status, route).toBe(401);
      expect(wrong.json).toEqual({ error: 'unknown scene or secret', code: 'unauthorized' });
      expect((await call(null, route, { body: {} })).status, route).toBe(401);
    }
  });

  it('answers 400s that name the field, and keeps the sizes bounded', async () => {
    const bad = await call('sam', 'PUT /api/scenes/:id/debrief', {
      body: { intensity: 'loud', keep: 'x'.repeat(1001) },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/intensity: must be/);
    expect(bad.text).toMatch(/keep: must be at most 1000 characters/);
    const share = await call('sam', 'POST /api/scenes/:id/debrief/share', {
      body: { fields: ['secrets'] },
    });
    expect(share.status).toBe(400);
    expect(share.text).toMatch(/fields\[0\]: must be/);
    const huge = await call('sam', 'PUT /api/scenes/:id/debrief', {
      body: { keep: 'y'.repeat(70_000) },
    });
    expect(huge.status).toBe(413);
    // Nothing changed.
    const sam = (await call('sam', 'GET /api/scenes/:id/debrief')).json as DebriefView;
    expect(sam.you.answers).toEqual(samDebrief);
  });

  it('sharing sends only the chosen answers; the suggestions follow from them', async () => {
    const shared = await call('sam', 'POST /api/scenes/:id/debrief/share', {
      body: { fields: ['intensity', 'signal'] },
    });
    expect(shared.status).toBe(200);
    const alex = (await call('alex', 'GET /api/scenes/:id/debrief')).json as DebriefView;
    expect(alex.partner?.shared).toEqual({ intensity: 'too-high', signal: { answer: 'no' } });
    expect(alex.suggestions.map((s) => s.change)).toEqual([
      { kind: 'post-orgasm-ceiling', to: 0.4 },
      { kind: 'play-ceiling', to: 0.5 },
    ]);
    expect(alex.suggestions[0]?.reason).toBe(
      'Sam found the intensity too high: lower the post-orgasm ceiling from 50 % to 40 %',
    );
    // Alex shared nothing: Sam sees nothing of Alex's.
    const sam = (await call('sam', 'GET /api/scenes/:id/debrief')).json as DebriefView;
    expect(sam.partner?.shared).toBeNull();
    expect(sam.you.shared).toEqual({ intensity: 'too-high', signal: { answer: 'no' } });
  });

  it("the next negotiation's view offers the suggestions, and nothing private", async () => {
    const view = await fetch(new URL(`/api/negotiations/${negotiationId}`, r.url), {
      headers: { authorization: `Bearer ${negotiationSecret}` },
    });
    const text = await view.text();
    expect(text).not.toContain(SAM_MARK);
    const parsed = JSON.parse(text) as ParticipantView;
    expect(parsed.suggestions.map((s) => s.change.kind)).toEqual([
      'post-orgasm-ceiling',
      'play-ceiling',
    ]);
  });

  it('follow-ups come from the stop: a few hours, one day and two days later, each answered once', async () => {
    const before = (await call('sam', 'GET /api/scenes/:id/follow-ups')).json as FollowUpsView;
    expect(before).toEqual({ sceneId, stoppedAt: null, followUps: [] });
    r.server.registry.interruptAll();
    const after = (await call('sam', 'GET /api/scenes/:id/follow-ups')).json as FollowUpsView;
    expect(after.stoppedAt).not.toBeNull();
    const dues = followUpTimes(after.stoppedAt ?? 0);
    expect(after.followUps.map((f) => f.dueAt)).toEqual(dues);
    const first = String(dues[0]);
    const answered = await call('sam', 'POST /api/scenes/:id/follow-ups/:due', {
      due: first,
      body: { feeling: 'tired', note: `${SAM_MARK} slept a lot` },
    });
    expect(answered.status).toBe(200);
    expect((answered.json as FollowUpsView).followUps[0]).toMatchObject({
      dueAt: dues[0],
      answer: { feeling: 'tired' },
    });
    const again = await call('sam', 'POST /api/scenes/:id/follow-ups/:due', {
      due: first,
      body: { feeling: 'good' },
    });
    expect(again.status).toBe(409);
    const unknown = await call('sam', 'POST /api/scenes/:id/follow-ups/:due', {
      due: '12',
      body: { feeling: 'good' },
    });
    expect(unknown.status).toBe(404);
    const badDue = await call('sam', 'POST /api/scenes/:id/follow-ups/:due', {
      due: 'soon',
      body: { feeling: 'good' },
    });
    expect(badDue.status).toBe(400);
    expect(badDue.text).toMatch(/due: must be a due time/);
    const badFeeling = await call('sam', 'POST /api/scenes/:id/follow-ups/:due', {
      due: String(dues[1]),
      body: { feeling: 'fine' },
    });
    expect(badFeeling.status).toBe(400);
    expect(badFeeling.text).toMatch(/feeling: must be/);
    // Alex's own follow-ups: the same times, none answered, nothing of Sam's.
    const alex = (await call('alex', 'GET /api/scenes/:id/follow-ups')).json as FollowUpsView;
    expect(alex.followUps.map((f) => [f.dueAt, f.answeredAt])).toEqual(dues.map((d) => [d, null]));
  });

  it('every route was called as the other partner, and none ever carried a private word', async () => {
    // Alex calls every route once more with bodies that would work, after Sam's answers exist.
    await call('alex', 'GET /api/scenes/:id/debrief');
    await call('alex', 'PUT /api/scenes/:id/debrief', { body: alexDebrief });
    await call('alex', 'POST /api/scenes/:id/debrief/share', { body: { fields: ['keep'] } });
    await call('alex', 'GET /api/scenes/:id/follow-ups');
    const due = (
      ((await call('alex', 'GET /api/scenes/:id/follow-ups')).json as FollowUpsView).followUps[0]
        ?.dueAt ?? 0
    ).toString();
    await call('alex', 'POST /api/scenes/:id/follow-ups/:due', { due, body: { feeling: 'good' } });
    for (const route of AFTERCARE_ROUTES)
      expect(
        seen.some((s) => s.caller === 'alex' && s.route === route),
        route,
      ).toBe(true);
    const leaks = seen.filter((s) => s.caller !== 'sam' && s.text.includes(SAM_MARK));
    expect(leaks).toEqual([]);
    const alexLeaks = seen.filter((s) => s.caller !== 'alex' && s.text.includes(ALEX_MARK));
    expect(alexLeaks.map((s) => s.route)).toEqual([]);
    // Alex shared "keep": now, and only now, Sam sees it.
    const sam = (await call('sam', 'GET /api/scenes/:id/debrief')).json as DebriefView;
    expect(sam.partner?.shared).toEqual({ keep: alexDebrief.keep });
  });
});
