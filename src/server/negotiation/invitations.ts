import type { Role } from '../../core';
import {
  hashSecret,
  newPairingCode,
  newSceneId,
  newSecret,
  normalizePairingCode,
} from '../secrets';
import type { InvitationRow } from '../store/store';
import { negotiationOf, otherRole, type NegotiationContext, type Participant } from './context';
import { done, refuse, type Outcome, type Refusal } from './refusal';

/**
 * Raising the subject (issue 5, item 6): the initiator gets their own secret and an invitation
 * code; the partner reads a short introduction — the initiator's name, the proposed roles and
 * their message, nothing of their answers — and accepts or declines, at their own pace. Codes
 * look like pairing codes, last 7 days, and are spent by an accept or a decline.
 */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type NewNegotiation = Readonly<{ name: string; role: Role; message: string | null }>;
export type Invitation = Readonly<{ code: string; expiresAt: number }>;
export type Created = Readonly<{ negotiationId: string; secret: string; invitation: Invitation }>;
export type Introduction = Readonly<{
  initiator: { name: string; role: Role };
  you: { role: Role };
  message: string | null;
  expiresAt: number;
}>;
export type Joined = Readonly<{ negotiationId: string; role: Role; secret: string }>;

const CODE_REFUSALS = {
  malformed: 'an invitation code has 6 letters and digits, like K7QM2X',
  unknown: 'no invitation has this code: check it with the person who sent it',
  expired: 'this invitation has expired: ask the person who sent it for a fresh one',
  used: 'this invitation was already answered, or replaced by a fresh one',
} as const;
const codeRefusal = (reason: keyof typeof CODE_REFUSALS): Refusal =>
  refuse(reason, CODE_REFUSALS[reason]);

/** A code no invitation uses yet (a clash is very unlikely; a few draws settle it). */
function freshCode(ctx: NegotiationContext): string {
  for (;;) {
    const code = newPairingCode();
    if (ctx.store.invitation(hashSecret(code)) === null) return code;
  }
}

function usable(ctx: NegotiationContext, row: InvitationRow | null): Refusal | null {
  if (row === null) return codeRefusal('unknown');
  if (row.usedWallMs !== null) return codeRefusal('used');
  return row.expiresWallMs <= ctx.now() ? codeRefusal('expired') : null;
}

export function createNegotiation(ctx: NegotiationContext, input: NewNegotiation): Created {
  const now = ctx.now();
  const negotiationId = newSceneId();
  const secret = newSecret();
  const code = freshCode(ctx);
  const expiresAt = now + INVITATION_TTL_MS;
  ctx.store.create({
    negotiationId,
    createdWallMs: now,
    message: input.message,
    initiator: { role: input.role, name: input.name, secretHash: hashSecret(secret) },
    invitation: { codeHash: hashSecret(code), expiresWallMs: expiresAt },
  });
  return { negotiationId, secret, invitation: { code, expiresAt } };
}

export function introduction(ctx: NegotiationContext, input: string): Outcome<Introduction> {
  const code = normalizePairingCode(input);
  if (code === null) return codeRefusal('malformed');
  const invitation = ctx.store.invitation(hashSecret(code));
  const refused = usable(ctx, invitation);
  if (refused !== null || invitation === null) return refused ?? codeRefusal('unknown');
  const row = negotiationOf(ctx, invitation.negotiationId);
  const initiator = ctx.store
    .participants(row.negotiationId)
    .find((p) => p.role === row.initiatorRole);
  if (initiator === undefined)
    throw new Error(`negotiation "${row.negotiationId}" has no initiator`);
  return done({
    initiator: { name: initiator.name, role: initiator.role },
    you: { role: otherRole(initiator.role) },
    message: row.message,
    expiresAt: invitation.expiresWallMs,
  });
}

/** Spends the code and runs `then` with its negotiation, in one transaction. */
function answer<T>(
  ctx: NegotiationContext,
  input: string,
  then: (negotiationId: string, now: number) => T,
): Outcome<T> {
  const code = normalizePairingCode(input);
  if (code === null) return codeRefusal('malformed');
  return ctx.store.transaction(() => {
    const now = ctx.now();
    const claimed = ctx.store.claimInvitation(hashSecret(code), now);
    if (!claimed.ok) return codeRefusal(claimed.reason);
    // Codes are retired when the partner answers, so a spendable code means "still invited".
    if (negotiationOf(ctx, claimed.negotiationId).status !== 'invited') return codeRefusal('used');
    return done(then(claimed.negotiationId, now));
  });
}

export function accept(ctx: NegotiationContext, code: string, name: string): Outcome<Joined> {
  return answer(ctx, code, (negotiationId, now) => {
    const role = otherRole(negotiationOf(ctx, negotiationId).initiatorRole);
    const secret = newSecret();
    ctx.store.addParticipant(negotiationId, {
      role,
      name,
      secretHash: hashSecret(secret),
      joinedWallMs: now,
    });
    ctx.store.setStatus(negotiationId, 'open');
    return { negotiationId, role, secret };
  });
}

/** The initiator learns only that the invitation was declined: no reason, no name, no time. */
export function decline(ctx: NegotiationContext, code: string): Outcome<null> {
  return answer(ctx, code, (negotiationId, now) => {
    ctx.store.setStatus(negotiationId, 'declined');
    ctx.store.retireInvitations(negotiationId, now);
    return null;
  });
}

/** A fresh code for the initiator (the first expired or got lost); older codes stop working. */
export function renewInvitation(ctx: NegotiationContext, who: Participant): Outcome<Invitation> {
  const row = negotiationOf(ctx, who.negotiationId);
  if (who.role !== row.initiatorRole)
    return refuse('forbidden', 'only the person who sent the invitation can send a fresh one');
  if (row.status === 'declined') return refuse('declined', 'the invitation was declined');
  if (row.status === 'open') return refuse('joined', 'your partner has already joined');
  return ctx.store.transaction(() => {
    const now = ctx.now();
    const code = freshCode(ctx);
    ctx.store.retireInvitations(who.negotiationId, now);
    ctx.store.addInvitation({
      codeHash: hashSecret(code),
      negotiationId: who.negotiationId,
      createdWallMs: now,
      expiresWallMs: now + INVITATION_TTL_MS,
    });
    return done({ code, expiresAt: now + INVITATION_TTL_MS });
  });
}
