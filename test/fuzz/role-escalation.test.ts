import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTERCARE_ROUTES } from '../../src/server/http/aftercare-routes';
import { NEGOTIATION_ROUTES } from '../../src/server/http/negotiation-routes';
import { isType, openScreen } from '../support/ws-client';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { sceneFromAgreement } from '../support/signed-agreement';
import { acked, api, pairedScene, until, viewWhere } from '../server/scene-setup';
import { comparable, storeReader, toys } from './fuzz-kit';
import { buildWorld, type World } from './world';

/**
 * Role escalation (issue 8, item 2): the dominant tries to widen a limit, answer a check-in,
 * read the partner's private answers, join another scene or start one from another couple's
 * agreement, pair twice; the receiver tries the console's frames. Every try fails, and changes
 * no row of any table and no toy.
 */

const SAM_MARK = 'ESCALATE-SAM-4kPz';

describe('[P2] [S3] role escalation: every try fails and changes nothing', () => {
  let r: TestRedline;
  let w: World;
  let reader: ReturnType<typeof storeReader>;
  beforeAll(async () => {
    r = await startTestRedline();
    w = await buildWorld(r);
    reader = storeReader(r);
  });
  afterAll(async () => {
    reader.close();
    await r.close();
  });

  /** Runs `attempt`; the store (but the spent seqs) and the toys must be as before. */
  async function unchanged(
    attempt: () => Promise<void>,
    spent: { sceneId: string; role: string; seq: number }[] = [],
  ) {
    const before = reader.tables();
    const toysBefore = toys(r);
    await attempt();
    expect(comparable(reader.tables(), spent)).toEqual(comparable(before, spent));
    expect(toys(r)).toEqual(toysBefore);
  }

  it('[S3] the dominant cannot widen a limit mid-scene, and cannot answer a check-in', async () => {
    const scene = await pairedScene(r.url);
    const { console: con, panel } = scene;
    const sceneId = scene.created.sceneId;
    const beat = setInterval(() => panel.frame({ type: 'heartbeat' }), 400);
    try {
      panel.frame({ type: 'heartbeat' });
      const welcome = con.frames.find(isType('welcome'));
      if (welcome === undefined) throw new Error('no welcome');
      for (const item of welcome.view.setup.checklist)
        await acked(con, con.frame({ type: 'setup.check', item, done: true }));
      panel.frame({ type: 'stop.test' });
      await viewWhere(con, (v) => v.setup.missing.length === 0);
      expect(await acked(con, con.frame({ type: 'start' }))).toMatchObject({ type: 'ack' });
      // Lower first (allowed), then try to widen past it and past the agreement.
      const lowered = await acked(
        con,
        con.frame({
          type: 'limit.lower',
          limit: { kind: 'phase-ceiling', phase: 'play', value: 0.2 },
        }),
      );
      expect(lowered).toMatchObject({ type: 'ack' });
      clearInterval(beat);
      const widen = [
        { kind: 'phase-ceiling', phase: 'play', value: 0.3 },
        { kind: 'phase-ceiling', phase: 'post-orgasm', value: 1 },
        { kind: 'output-ceiling', output: 'vibrate', value: 1 },
        { kind: 'ramp', fullScaleSeconds: 1 },
        { kind: 'post-orgasm-seconds', value: 3600 },
        { kind: 'orgasms', value: 20 },
      ];
      for (const limit of widen)
        await unchanged(async () => {
          const seq = con.frame({ type: 'limit.lower', limit });
          const answer = await acked(con, seq);
          expect(answer, JSON.stringify(limit)).toMatchObject({ type: 'error', code: 'refused' });
          expect(answer.type === 'error' && answer.message, JSON.stringify(limit)).toMatch(
            /narrow|widen/,
          );
        }, [{ sceneId, role: 'dominant', seq: con.seq() }]);
      // Nor may the dominant answer for the receiver: check-ins and signals are the panel's.
      for (const body of [
        { type: 'checkin', answer: 'green' },
        { type: 'signal', action: 'held' },
        { type: 'heartbeat' },
        { type: 'stop.test' },
      ])
        await unchanged(async () => {
          const answer = await acked(con, con.frame(body));
          expect(answer, body.type).toMatchObject({ type: 'error', code: 'forbidden' });
        }, [{ sceneId, role: 'dominant', seq: con.seq() }]);
    } finally {
      clearInterval(beat);
      await con.close();
      await panel.close();
    }
  });

  it('the receiver cannot send the console’s frames', async () => {
    const { sceneId } = w.b;
    const panel = await openScreen(r.url);
    panel.send({ type: 'hello', v: 1, sceneId, secret: w.b.panel });
    const welcome = await panel.next(isType('welcome'));
    const device = welcome.view.devices[0];
    if (device === undefined) throw new Error('no device');
    let seq = welcome.lastSeq;
    for (const body of [
      { type: 'intensity', device: device.id, feature: device.features[0]?.id ?? '', value: 1 },
      { type: 'device.test', device: device.id, feature: device.features[0]?.id ?? '' },
      { type: 'edge', edging: true },
      { type: 'setup.check', item: 'water', done: true },
    ])
      await unchanged(async () => {
        seq += 1;
        panel.send({ ...body, seq });
        const answer = await panel.waitFor(
          (f) => (f.type === 'ack' || f.type === 'error') && f.seq === seq,
        );
        expect(answer, body.type).toMatchObject({ type: 'error', code: 'forbidden' });
      }, [{ sceneId, role: 'submissive', seq }]);
    // `start` from the panel of a scene for two: refused here (the set-up is not complete), but the
    // core's SENDERS allow the receiver to start one (docs/protocol.md says the console): reported.
    await unchanged(async () => {
      seq += 1;
      panel.send({ type: 'start', seq });
      const answer = await panel.waitFor(
        (f) => (f.type === 'ack' || f.type === 'error') && f.seq === seq,
      );
      expect(answer).toMatchObject({ type: 'error' });
    }, [{ sceneId, role: 'submissive', seq }]);
    await panel.close();
  });

  it('[P3] the dominant never reads the receiver’s private answers, by any route', async () => {
    const { negotiationId } = w.a.signed;
    const sam = w.a.signed.secrets.submissive;
    const alex = w.a.signed.secrets.dominant;
    const put = await api(r.url, `/api/negotiations/${negotiationId}/answers`, {
      method: 'PUT',
      body: { items: { rope: { receiving: { rating: 'no', note: `${SAM_MARK} a hard limit` } } } },
      headers: { authorization: `Bearer ${sam}` },
    });
    expect(put.status).toBe(200);
    const debrief = await api(r.url, `/api/scenes/${w.a.sceneId}/debrief`, {
      method: 'PUT',
      body: { keep: `${SAM_MARK} private`, change: `${SAM_MARK} gentler` },
      headers: { authorization: `Bearer ${w.a.panel}` },
    });
    expect(debrief.status).toBe(200);
    // And over the WebSocket: the console's welcome and views.
    const con = await openScreen(r.url);
    con.send({ type: 'hello', v: 1, sceneId: w.a.sceneId, secret: w.a.console });
    await con.next(isType('welcome'));
    expect(JSON.stringify(con.frames)).not.toContain(SAM_MARK);
    await con.close();
    // Every route, as the dominant, with each of the dominant's secrets (and Sam's ids in the path).
    const seen: string[] = [];
    const fill = (template: string) =>
      template
        .replace(':id', template.startsWith('/api/scenes') ? w.a.sceneId : negotiationId)
        .replace(':code', w.invitation.invitation.code)
        .replace(':hash', w.a.signed.agreementHash)
        .replace(':due', '0');
    for (const route of [...NEGOTIATION_ROUTES, ...AFTERCARE_ROUTES, 'GET /api/scenes/:id/history'])
      for (const secret of [alex, w.a.console]) {
        const [method, template] = route.split(' ') as [string, string];
        const answer = await api(r.url, fill(template), {
          method,
          ...(method === 'GET' ? {} : { body: {} }),
          headers: { authorization: `Bearer ${secret}` },
        });
        seen.push(route);
        expect(JSON.stringify(answer.body), `${route} → ${answer.status}`).not.toContain(SAM_MARK);
      }
    expect(new Set(seen).size).toBe(NEGOTIATION_ROUTES.length + AFTERCARE_ROUTES.length + 1);
  });

  it('[P2] a scene’s secrets open no other scene, over HTTP or the WebSocket', async () => {
    const foreign = [w.a.console, w.a.panel, w.a.signed.secrets.dominant];
    await unchanged(async () => {
      for (const secret of foreign) {
        for (const path of [
          `/api/scenes/${w.b.sceneId}/history`,
          `/api/scenes/${w.b.sceneId}/debrief`,
          `/api/scenes/${w.b.sceneId}/follow-ups`,
        ]) {
          const answer = await api(r.url, path, { headers: { authorization: `Bearer ${secret}` } });
          expect(answer.status, path).toBe(401);
          expect(answer.body).toEqual({ error: 'unknown scene or secret', code: 'unauthorized' });
        }
        const pairing = await api(r.url, `/api/scenes/${w.b.sceneId}/pairing`, {
          body: {},
          headers: { authorization: `Bearer ${secret}` },
        });
        expect([401, 429]).toContain(pairing.status);
        const screen = await openScreen(r.url);
        screen.send({ type: 'hello', v: 1, sceneId: w.b.sceneId, secret });
        const error = await screen.next(isType('error'));
        expect(['unauthorized', 'rate-limited']).toContain(error.code);
        expect([4401, 4429]).toContain((await screen.closed).code);
      }
    });
    // Counted: the address is now refused even with scene B's right secret, for a while.
    const right = await openScreen(r.url);
    right.send({ type: 'hello', v: 1, sceneId: w.b.sceneId, secret: w.b.console });
    expect(await right.next(isType('error'))).toMatchObject({ code: 'rate-limited' });
    expect((await right.closed).code).toBe(4429);
    expect((await api(r.url, '/api/pair', { body: { code: 'ABCDEF' } })).status).toBe(429);
  });
});

describe('[P2] starting and pairing with what is not yours', () => {
  let r: TestRedline;
  let w: World;
  let reader: ReturnType<typeof storeReader>;
  beforeAll(async () => {
    r = await startTestRedline();
    w = await buildWorld(r);
    reader = storeReader(r);
  });
  afterAll(async () => {
    reader.close();
    await r.close();
  });

  it('a scene cannot start from another couple’s agreement', async () => {
    const before = reader.tables();
    const devices = r.server.hub.devices().map((d) => d.id);
    const start = (negotiationId: string, agreementHash: string, secret: string) =>
      api(r.url, '/api/scenes', {
        body: { mode: 'pair', agreement: { negotiationId, agreementHash }, devices },
        headers: { authorization: `Bearer ${secret}` },
      });
    // Couple A's dominant with the spare couple's negotiation and hash: not theirs.
    expect(
      (await start(w.spare.negotiationId, w.spare.agreementHash, w.a.signed.secrets.dominant))
        .status,
    ).toBe(401);
    // Their own negotiation with another couple's hash: no such sealed agreement here.
    const mixed = await start(
      w.a.signed.negotiationId,
      w.spare.agreementHash,
      w.a.signed.secrets.dominant,
    );
    expect(mixed.status).toBe(404);
    expect(mixed.body).toMatchObject({ code: 'not-found' });
    // The spare couple's receiver: not the dominant.
    expect(
      (await start(w.spare.negotiationId, w.spare.agreementHash, w.spare.secrets.submissive))
        .status,
    ).toBe(403);
    // A scene's console secret is no negotiation secret.
    expect((await start(w.spare.negotiationId, w.spare.agreementHash, w.a.console)).status).toBe(
      401,
    );
    expect(comparable(reader.tables())).toEqual(comparable(before));
    // The spare couple's own dominant can (so the refusals above were about ownership).
    expect((await sceneFromAgreement(r.url, w.spare)).status).toBe(201);
  });

  it('a used pairing code cannot pair again, nor take the panel from the paired phone', async () => {
    const before = reader.tables();
    const again = await api(r.url, '/api/pair', { body: { code: w.a.usedCode } });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ code: 'used' });
    expect(comparable(reader.tables())).toEqual(comparable(before));
    // The paired phone still signs in.
    const panel = await openScreen(r.url);
    panel.send({ type: 'hello', v: 1, sceneId: w.a.sceneId, secret: w.a.panel });
    expect(await panel.next(isType('welcome'))).toMatchObject({ role: 'submissive' });
    await panel.close();
    await until(() => true, 0, 'nothing');
  });

  // Found by this suite and since closed: the console cannot pair a panel while the scene runs
  // (test/server/two-screens.test.ts, the two [S4] pairing tests).
});
