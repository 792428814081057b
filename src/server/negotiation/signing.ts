import { z } from 'zod';
import { agreementHash, agreementSchema, parseWith, ROLES, type Agreement } from '../../core';
import type { SealedAgreement } from '../../protocol/negotiation';
import {
  agreementState,
  negotiationOf,
  storedAgreement,
  type AgreementState,
  type NegotiationContext,
  type Participant,
} from './context';
import { participantNames, signatureViews } from './participant-view';
import { done, refuse, type Outcome } from './refusal';
import { signatureMac, signatureVerifies } from './signature';

/**
 * The agreement both sign (issue 5, item 5; docs/decisions/0011). Either partner writes the draft;
 * a new draft takes back every signature on the last one. Each signs the hash of the draft they
 * read; when both signed the same draft it is sealed: stored as it is, never changed, identified
 * by its hash, and in force until a newer one replaces it or either partner withdraws.
 */

export const AGREEMENT_HASH = /^sha256:[0-9a-f]{64}$/;

const draftBody = z.strictObject({ agreement: z.unknown() });
const signBody = z.strictObject({
  agreementHash: z.string().regex(AGREEMENT_HASH, 'must be "sha256:" and 64 hex digits'),
});

function joinedOnly(ctx: NegotiationContext, negotiationId: string) {
  const status = negotiationOf(ctx, negotiationId).status;
  if (status === 'declined')
    return refuse('declined', 'the invitation was declined: this negotiation is closed');
  if (status === 'invited') return refuse('not-joined', 'your partner has not joined yet');
  return null;
}

/** The partners as the agreement must name them: ids are roles, names as each joined. */
function partiesOf(ctx: NegotiationContext, negotiationId: string) {
  return ctx.store
    .participants(negotiationId)
    .map((p) => ({ id: p.role, name: p.name, role: p.role }));
}

function sameParties(agreement: Agreement, parties: ReturnType<typeof partiesOf>): boolean {
  const sorted = [...agreement.participants].sort((a, b) => a.role.localeCompare(b.role));
  return (
    sorted.length === parties.length &&
    sorted.every((p, i) => {
      const q = parties[i];
      return q !== undefined && p.id === q.id && p.name === q.name && p.role === q.role;
    })
  );
}

export function putDraft(ctx: NegotiationContext, who: Participant, body: unknown): Outcome<null> {
  const id = who.negotiationId;
  const closed = joinedOnly(ctx, id);
  if (closed !== null) return closed;
  const envelope = parseWith(draftBody, body);
  if (!envelope.ok) return refuse('bad-request', envelope.errors.join('; '));
  // parseAgreement's schema, with messages naming the field as it is in the body.
  const parsed = parseWith(agreementSchema, envelope.value.agreement, 'agreement');
  if (!parsed.ok) return refuse('bad-request', parsed.errors.join('; '));
  const agreement = parsed.value;
  if (agreement.mode !== 'pair')
    return refuse('bad-request', 'agreement.mode: must be "pair": a negotiation is between two');
  const parties = partiesOf(ctx, id);
  if (!sameParties(agreement, parties))
    return refuse(
      'bad-request',
      `agreement.participants: must be this negotiation's partners as they joined: ${JSON.stringify(parties)}`,
    );
  const hash = agreementHash(agreement);
  return ctx.store.transaction(() => {
    const current = ctx.store.draft(id);
    if (current?.agreementHash === hash) return done(null);
    ctx.store.putDraft(id, {
      version: (current?.version ?? 0) + 1,
      agreementHash: hash,
      agreement,
      byRole: who.role,
      atWallMs: ctx.now(),
    });
    ctx.store.clearPendingSignatures(id);
    return done(null);
  });
}

const SEALED_BEFORE: Record<AgreementState, string> = {
  'in-force': 'this agreement is already signed by both and in force',
  withdrawn:
    'this exact agreement was withdrawn, and a withdrawal is final: change something to sign a new one',
  replaced:
    'this exact agreement was replaced by a newer one: change something to sign it as a new one',
};

export function sign(ctx: NegotiationContext, who: Participant, body: unknown): Outcome<null> {
  const id = who.negotiationId;
  const closed = joinedOnly(ctx, id);
  if (closed !== null) return closed;
  const parsed = parseWith(signBody, body);
  if (!parsed.ok) return refuse('bad-request', parsed.errors.join('; '));
  return ctx.store.transaction(() => {
    const draft = ctx.store.draft(id);
    if (draft === null) return refuse('no-draft', 'there is no agreement to sign yet');
    if (draft.agreementHash !== parsed.value.agreementHash)
      return refuse(
        'stale',
        'the agreement changed since you read it: read it again before you sign',
      );
    const sealed = ctx.store.agreement(id, draft.agreementHash);
    if (sealed !== null) {
      const state = agreementState(sealed);
      return refuse(
        state === 'in-force' ? 'already-sealed' : 'sealed-before',
        SEALED_BEFORE[state],
      );
    }
    const signatures = ctx.store.signatures(id, draft.version);
    if (signatures.some((s) => s.role === who.role)) return done(null);
    const now = ctx.now();
    const fields = {
      negotiationId: id,
      role: who.role,
      agreementHash: draft.agreementHash,
      atWallMs: now,
    };
    ctx.store.addSignature(id, {
      draftVersion: draft.version,
      role: who.role,
      agreementHash: draft.agreementHash,
      atWallMs: now,
      mac: signatureMac(who.secret, fields),
    });
    if (ROLES.every((role) => role === who.role || signatures.some((s) => s.role === role))) {
      ctx.store.markReplaced(id, now);
      ctx.store.seal(id, {
        agreementHash: draft.agreementHash,
        agreement: storedAgreement(id, draft.agreement, draft.agreementHash),
        draftVersion: draft.version,
        sealedWallMs: now,
      });
    }
    return done(null);
  });
}

/**
 * Withdraws consent: the agreement in force, if any, can no longer start a scene, and one's own
 * signature on a draft not yet sealed is taken back. Either partner, at any time.
 */
export function withdraw(ctx: NegotiationContext, who: Participant): Outcome<null> {
  const id = who.negotiationId;
  return ctx.store.transaction(() => {
    const now = ctx.now();
    ctx.store.markWithdrawn(id, now, who.role);
    const draft = ctx.store.draft(id);
    if (draft !== null) ctx.store.removePendingSignature(id, draft.version, who.role);
    return done(null);
  });
}

export type { SealedAgreement } from '../../protocol/negotiation';

function sealedView(
  ctx: NegotiationContext,
  negotiationId: string,
  hash: string,
): SealedAgreement | null {
  const row = ctx.store.agreement(negotiationId, hash);
  if (row === null) return null;
  const names = participantNames(ctx, negotiationId);
  const signatures = ctx.store.signatures(negotiationId, row.draftVersion);
  const views = signatureViews(signatures, names);
  return {
    agreementHash: row.agreementHash,
    agreement: storedAgreement(negotiationId, row.agreement, row.agreementHash),
    negotiationId,
    sealedAt: row.sealedWallMs,
    state: agreementState(row),
    withdrawnAt: row.withdrawnWallMs,
    withdrawnBy: row.withdrawnBy,
    signatures: views.map((v, i) => ({ ...v, mac: signatures[i]?.mac ?? '' })),
  };
}

/** A sealed agreement of the asker's own negotiation, with a check of their own signature. */
export function agreementFor(
  ctx: NegotiationContext,
  who: Participant,
  hash: string,
): Outcome<SealedAgreement & { yourSignatureVerifies: boolean }> {
  const sealed = AGREEMENT_HASH.test(hash) ? sealedView(ctx, who.negotiationId, hash) : null;
  if (sealed === null) return refuse('not-found', 'none of your sealed agreements has this hash');
  const mine = sealed.signatures.find((s) => s.role === who.role);
  const fields = { negotiationId: who.negotiationId, role: who.role, agreementHash: hash };
  return done({
    ...sealed,
    yourSignatureVerifies:
      mine !== undefined &&
      signatureVerifies(who.secret, { ...fields, atWallMs: mine.at }, mine.mac),
  });
}

/**
 * What a scene will start from (a later step: POST /api/scenes with a sealed agreement's hash).
 * The negotiation is required: hashes are not secret, and two negotiations may seal the same
 * content, so only the seal of the starter's own negotiation counts — and only while its state
 * is 'in-force'.
 */
export function sealedAgreement(
  ctx: NegotiationContext,
  hash: string,
  negotiationId: string,
): SealedAgreement | null {
  return sealedView(ctx, negotiationId, hash);
}
