import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agreementHash, type DeviceSpec } from '../../src/core';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import {
  coupleAgreement,
  sceneFromAgreement,
  signAgreement,
  type SignedAgreement,
} from '../support/signed-agreement';
import { api, signIn } from './scene-setup';

type Refused = { error: string; code: string };
const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });

/**
 * Issue 5, item 5: a scene for two starts only from an agreement both partners signed, that is
 * still in force and covers the toys; it then runs under exactly that agreement.
 */
describe('a scene for two starts from a signed agreement', () => {
  let r: TestRedline;
  let devices: DeviceSpec[];
  beforeEach(async () => {
    r = await startTestRedline();
    devices = (await api<{ devices: DeviceSpec[] }>(r.url, '/api/setup')).body.devices;
  });
  afterEach(async () => {
    await r.close();
  });

  const start = (signed: SignedAgreement, secret: string, body: Record<string, unknown> = {}) =>
    api<Refused>(r.url, '/api/scenes', {
      body: {
        mode: 'pair',
        agreement: { negotiationId: signed.negotiationId, agreementHash: signed.agreementHash },
        devices: devices.map((d) => d.id),
        ...body,
      },
      headers: auth(secret),
    });

  it('runs under exactly the signed agreement', async () => {
    const signed = await signAgreement(r.url, { notes: 'Slow start, please.' });
    const created = await sceneFromAgreement(r.url, signed);
    expect(created.status).toBe(201);
    const { sceneId, secret, role } = created.body as {
      sceneId: string;
      secret: string;
      role: string;
    };
    expect(role).toBe('dominant');
    expect(r.server.store.scene(sceneId)?.negotiationId).toBe(signed.negotiationId);
    const stored = r.server.store.events(sceneId);
    if (!stored.ok) throw new Error(stored.errors.join('; '));
    const first = stored.value[0];
    expect(first?.type === 'scene.created' && first.agreement).toStrictEqual(signed.agreement);
    const screen = await signIn(r.url, sceneId, secret);
    const welcome = screen.frames.find((f) => f.type === 'welcome');
    expect(welcome?.type === 'welcome' && welcome.view.agreementHash).toBe(signed.agreementHash);
    expect(agreementHash(signed.agreement)).toBe(signed.agreementHash);
    await screen.close();
  });

  it('refuses a pair without a signed agreement, saying where to go, and creates nothing', async () => {
    const old = await api<Refused>(r.url, '/api/scenes', {
      body: { mode: 'pair', names: { dominant: 'Alex', submissive: 'Sam' }, devices: [] },
    });
    expect(old.status).toBe(400);
    expect(old.body.error).toMatch(/agreement: .*signed \(Talk first\)/);
    expect(r.server.store.scenes()).toHaveLength(0);
  });

  it("refuses a missing or wrong secret, and the receiver's, with the same words as ever", async () => {
    const signed = await signAgreement(r.url);
    const none = await api<Refused>(r.url, '/api/scenes', {
      body: {
        mode: 'pair',
        agreement: { negotiationId: signed.negotiationId, agreementHash: signed.agreementHash },
        devices: [],
      },
    });
    expect(none.status).toBe(401);
    const other = await signAgreement(r.url, { notes: 'Another couple.' });
    const wrong = await start(signed, other.secrets.dominant);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(none.body);
    const receiver = await start(signed, signed.secrets.submissive);
    expect(receiver.status).toBe(403);
    expect(receiver.body.error).toContain('the receiver joins it as the panel');
    // Another couple's hash does not start a scene in this negotiation.
    const foreign = await start(
      { ...signed, agreementHash: other.agreementHash },
      signed.secrets.dominant,
    );
    expect(foreign.status).toBe(404);
    expect(r.server.store.scenes()).toHaveLength(0);
  });

  it('refuses an agreement withdrawn or replaced', async () => {
    const signed = await signAgreement(r.url);
    const id = signed.negotiationId;
    const newer = coupleAgreement(devices, { notes: 'A second version.' });
    const drafted = await api<{ draft: { agreementHash: string } }>(
      r.url,
      `/api/negotiations/${id}/draft`,
      { method: 'PUT', body: { agreement: newer }, headers: auth(signed.secrets.dominant) },
    );
    for (const secret of [signed.secrets.dominant, signed.secrets.submissive])
      await api(r.url, `/api/negotiations/${id}/sign`, {
        body: { agreementHash: drafted.body.draft.agreementHash },
        headers: auth(secret),
      });
    const replaced = await start(signed, signed.secrets.dominant);
    expect(replaced.status).toBe(409);
    expect(replaced.body).toMatchObject({ code: 'not-in-force' });
    expect(replaced.body.error).toContain('newer agreement');
    await api(r.url, `/api/negotiations/${id}/withdraw`, {
      body: {},
      headers: auth(signed.secrets.submissive),
    });
    const latest = { ...signed, agreementHash: drafted.body.draft.agreementHash };
    const withdrawn = await start(latest, signed.secrets.dominant);
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.error).toContain('withdrawn');
    expect(r.server.store.scenes()).toHaveLength(0);
  });

  it('refuses toys the agreement does not cover, naming them', async () => {
    const onlyRotate = await signAgreement(r.url, { outputs: { rotate: { ceiling: 0.4 } } });
    const uncovered = await start(onlyRotate, onlyRotate.secrets.dominant);
    expect(uncovered.status).toBe(400);
    expect(uncovered.body.error).toMatch(/the agreement does not allow vibrate/);
    const named = await signAgreement(r.url, { toys: ['A toy we do not have'] });
    const notNamed = await start(named, named.secrets.dominant);
    expect(notNamed.status).toBe(400);
    expect(notNamed.body.error).toContain('is not one of the toys in the agreement');
    const none = await start(named, named.secrets.dominant, { devices: [] });
    expect(none.body.error).toContain('choose at least one toy');
    expect(r.server.store.scenes()).toHaveLength(0);
  });
});
