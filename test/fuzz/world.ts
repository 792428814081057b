import { api, createScene } from '../server/scene-setup';
import { signAgreement } from '../support/signed-agreement';
import type { TestRedline } from '../support/redline-server';

/**
 * What the fuzz aims at: two couples, each with a sealed agreement and a scene paired with its
 * panel, a solo scene, an open invitation and a saved debrief. Hostile requests borrow these
 * ids and secrets (the right one, another's, a broken one) so they reach past the first check.
 */
export type World = Awaited<ReturnType<typeof buildWorld>>;

export const PRIVATE_MARK = 'FUZZ-PRIVATE-v9Qe';

async function couple(r: TestRedline) {
  const created = await createScene(r.url, 'pair');
  if (created.pairing === null || created.signed === undefined) throw new Error('a pair scene');
  const paired = await api<{ secret: string }>(r.url, '/api/pair', {
    body: { code: created.pairing.code },
  });
  if (paired.status !== 200) throw new Error(`pairing failed: ${JSON.stringify(paired.body)}`);
  return {
    sceneId: created.sceneId,
    console: created.secret,
    panel: paired.body.secret,
    usedCode: created.pairing.code,
    signed: created.signed,
  };
}

export async function buildWorld(r: TestRedline) {
  const a = await couple(r);
  const b = await couple(r);
  const solo = await createScene(r.url, 'solo');
  // A negotiation still waiting for the partner: its code is live.
  const invited = await api<{
    negotiationId: string;
    secret: string;
    invitation: { code: string };
  }>(r.url, '/api/negotiations', { body: { name: 'Kim', role: 'submissive' } });
  // A third couple's sealed agreement no scene was started from (different terms, so its hash
  // is its own: the same terms would hash the same for every couple).
  const spare = await signAgreement(r.url, {
    detection: { sensorOrgasm: 'ask-dominant', distress: null },
  });
  const debrief = await api(r.url, `/api/scenes/${a.sceneId}/debrief`, {
    method: 'PUT',
    body: { keep: `${PRIVATE_MARK} the slow start` },
    headers: { authorization: `Bearer ${a.panel}` },
  });
  if (debrief.status !== 200) throw new Error('debrief');
  return {
    a,
    b,
    solo: { sceneId: solo.sceneId, secret: solo.secret },
    invitation: invited.body,
    spare,
    sceneIds: [a.sceneId, b.sceneId, solo.sceneId],
    negotiationIds: [a.signed.negotiationId, b.signed.negotiationId, spare.negotiationId],
    hashes: [a.signed.agreementHash, b.signed.agreementHash, spare.agreementHash],
    codes: [invited.body.invitation.code, a.usedCode],
    secrets: [
      a.console,
      a.panel,
      b.console,
      b.panel,
      solo.secret,
      a.signed.secrets.dominant,
      a.signed.secrets.submissive,
      b.signed.secrets.submissive,
      spare.secrets.dominant,
      invited.body.secret,
    ],
  };
}
