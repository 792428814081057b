import {
  negotiationView,
  ownAnswers,
  parseAgreement,
  parseDebriefAnswers,
  ROLES,
  suggestionsFrom,
  type Catalogue,
  type Overlap,
  type Role,
  type SharedDebrief,
  type Suggestion,
} from '../../core';
import type { DraftView, ParticipantView, SignatureView } from '../../protocol/negotiation';
import type { NegotiationRow, SignatureRow } from '../store/store';
import {
  agreementState,
  answersIn,
  catalogueOf,
  negotiationOf,
  otherRole,
  storedAgreement,
  type NegotiationContext,
  type RoundAnswers,
} from './context';

/**
 * Everything about a negotiation that may be sent to one participant (P3): their own answers of
 * the current round, the overlap of the last round both submitted (the core's `negotiationView`
 * computes it: never a note, a no or a one-sided answer), and what both share — the catalogue,
 * progress, the draft, signatures and sealed agreements. The partner's answers are read only to
 * compute that overlap, and only once both submitted.
 */
export type {
  AgreementSummary,
  DraftView,
  ParticipantView,
  SignatureView,
} from '../../protocol/negotiation';

export function signatureViews(
  signatures: readonly SignatureRow[],
  names: ReadonlyMap<Role, string>,
): SignatureView[] {
  return signatures.map((s) => ({
    participant: s.role,
    name: names.get(s.role) ?? '',
    role: s.role,
    at: s.atWallMs,
    agreementHash: s.agreementHash,
  }));
}

export function participantNames(ctx: NegotiationContext, negotiationId: string) {
  return new Map(ctx.store.participants(negotiationId).map((p) => [p.role, p.name]));
}

function revealed(
  ctx: NegotiationContext,
  row: NegotiationRow,
  catalogue: Catalogue,
  viewer: Role,
): Overlap | null {
  if (row.revealedRound === null) return null;
  const round = row.revealedRound;
  const both = ROLES.map((role) => answersIn(ctx, row, catalogue, role, round));
  const answers = both
    .filter((a): a is RoundAnswers => a?.submitted === true)
    .map((a) => a.answers);
  if (answers.length !== 2)
    throw new Error(`negotiation "${row.negotiationId}": round ${round} is revealed unsubmitted`);
  return negotiationView(catalogue, answers, viewer).overlap;
}

function draftView(
  ctx: NegotiationContext,
  row: NegotiationRow,
  names: ReadonlyMap<Role, string>,
): DraftView | null {
  const id = row.negotiationId;
  const draft = ctx.store.draft(id);
  if (draft === null) return null;
  const sealed = ctx.store.agreement(id, draft.agreementHash);
  return {
    version: draft.version,
    agreement: storedAgreement(id, draft.agreement, draft.agreementHash),
    agreementHash: draft.agreementHash,
    by: draft.byRole,
    at: draft.atWallMs,
    sealed: sealed === null ? null : agreementState(sealed),
    signatures: signatureViews(ctx.store.signatures(id, draft.version), names),
  };
}

/**
 * What the couple's last debriefed scene suggests for their next agreement: only the parts of
 * debriefs either partner chose to share (P3), for the agreement that scene ran under. Only the
 * latest such scene counts, so a suggestion the couple has since answered does not come back.
 */
function suggestions(ctx: NegotiationContext, negotiationId: string): Suggestion[] {
  const rows = ctx.store.sharedDebriefs(negotiationId);
  const latest = rows.filter((r) => r.sceneId === rows[0]?.sceneId);
  if (latest[0] === undefined) return [];
  const agreement = parseAgreement(latest[0].agreement);
  if (!agreement.ok)
    throw new Error(
      `negotiation "${negotiationId}": a scene's stored agreement no longer validates`,
    );
  const shared = latest.flatMap((r): SharedDebrief[] => {
    const answers = parseDebriefAnswers(r.shared);
    return answers.ok ? [{ role: r.role, answers: answers.value }] : [];
  });
  return suggestionsFrom(shared, agreement.value);
}

export function participantView(
  ctx: NegotiationContext,
  negotiationId: string,
  viewer: Role,
): ParticipantView {
  const row = negotiationOf(ctx, negotiationId);
  const catalogue = catalogueOf(row);
  const names = participantNames(ctx, negotiationId);
  const partnerRole = otherRole(viewer);
  const mine = answersIn(ctx, row, catalogue, viewer, row.round);
  // Only whether the partner submitted this round: never what.
  const partnerSubmitted =
    ctx.store.answers(negotiationId, partnerRole, row.round)?.submittedWallMs != null;
  const latest =
    viewer === row.initiatorRole && row.status === 'invited'
      ? ctx.store.latestInvitation(negotiationId)
      : null;
  return {
    negotiationId,
    status: row.status,
    round: row.round,
    revealedRound: row.revealedRound,
    you: { name: names.get(viewer) ?? '', role: viewer, submitted: mine?.submitted ?? false },
    partner: {
      name: names.get(partnerRole) ?? null,
      role: partnerRole,
      joined: names.has(partnerRole),
      submitted: partnerSubmitted,
    },
    invitation:
      latest === null
        ? null
        : {
            expiresAt: latest.expiresWallMs,
            open: latest.usedWallMs === null && latest.expiresWallMs > ctx.now(),
          },
    catalogue,
    own: ownAnswers(mine === null ? [] : [mine.answers], viewer),
    overlap: revealed(ctx, row, catalogue, viewer),
    draft: draftView(ctx, row, names),
    agreements: ctx.store.agreements(negotiationId).map((a) => ({
      agreementHash: a.agreementHash,
      sealedAt: a.sealedWallMs,
      state: agreementState(a),
      withdrawnAt: a.withdrawnWallMs,
      withdrawnBy: a.withdrawnBy,
    })),
    suggestions: suggestions(ctx, negotiationId),
  };
}
