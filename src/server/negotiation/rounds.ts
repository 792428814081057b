import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { buildCatalogue, parseAnswers, parseWith } from '../../core';
import {
  answersIn,
  catalogueOf,
  customItemsOf,
  negotiationOf,
  otherRole,
  type NegotiationContext,
  type Participant,
} from './context';
import { done, refuse, type Outcome } from './refusal';

/**
 * Private answers in rounds (docs/decisions/0011). Each partner files and changes their answers
 * freely, then submits them; the overlap is revealed once both submitted the same round. Changing
 * answers takes back one's own submission. A change after a reveal opens the next round for both:
 * each partner's answers carry over, unsubmitted, and the next overlap comes only when both
 * submit again — so nobody can watch the overlap while editing (the probing the core's README
 * warns of), and each new reveal needs the other's fresh consent.
 */

const refuseDeclined = () =>
  refuse('declined', 'the invitation was declined: this negotiation is closed');

export function putAnswers(
  ctx: NegotiationContext,
  who: Participant,
  body: unknown,
): Outcome<null> {
  const id = who.negotiationId;
  const row = negotiationOf(ctx, id);
  if (row.status === 'declined') return refuseDeclined();
  const catalogue = catalogueOf(row);
  const parsed = parseAnswers(body, catalogue, who.role);
  if (!parsed.ok) return refuse('bad-request', parsed.errors.join('; '));
  const items = parsed.value.items;
  return ctx.store.transaction(() => {
    const now = ctx.now();
    const current = negotiationOf(ctx, id);
    const mine = answersIn(ctx, current, catalogue, who.role, current.round);
    if (isDeepStrictEqual(mine?.answers.items ?? {}, items)) return done(null);
    if (current.revealedRound !== current.round) {
      ctx.store.putAnswers(id, who.role, current.round, {
        items,
        updatedWallMs: now,
        submittedWallMs: null,
      });
      return done(null);
    }
    const next = current.round + 1;
    ctx.store.setRound(id, next, current.revealedRound);
    ctx.store.putAnswers(id, who.role, next, { items, updatedWallMs: now, submittedWallMs: null });
    const partner = ctx.store.answers(id, otherRole(who.role), current.round);
    if (partner !== null)
      ctx.store.putAnswers(id, otherRole(who.role), next, {
        items: partner.items,
        updatedWallMs: partner.updatedWallMs,
        submittedWallMs: null,
      });
    return done(null);
  });
}

/** Marks one's answers of this round final (none filed: an empty set, welcoming nothing). */
export function submitAnswers(ctx: NegotiationContext, who: Participant): Outcome<null> {
  const id = who.negotiationId;
  if (negotiationOf(ctx, id).status === 'declined') return refuseDeclined();
  return ctx.store.transaction(() => {
    const now = ctx.now();
    const row = negotiationOf(ctx, id);
    if (ctx.store.answers(id, who.role, row.round) === null)
      ctx.store.putAnswers(id, who.role, row.round, {
        items: {},
        updatedWallMs: now,
        submittedWallMs: now,
      });
    else ctx.store.submitAnswers(id, who.role, row.round, now);
    const partner = ctx.store.answers(id, otherRole(who.role), row.round);
    if (partner?.submittedWallMs != null && row.revealedRound !== row.round)
      ctx.store.setRound(id, row.round, row.round);
    return done(null);
  });
}

const itemsBody = z.strictObject({ customItems: z.unknown() });

/**
 * Adds the couple's own items to their catalogue. Items are shared — both partners see every
 * item, not who added it, and ratings stay private — and are never changed or removed, so
 * answers filed about them stay valid.
 */
export function addItems(ctx: NegotiationContext, who: Participant, body: unknown): Outcome<null> {
  const id = who.negotiationId;
  if (negotiationOf(ctx, id).status === 'declined') return refuseDeclined();
  const envelope = parseWith(itemsBody, body);
  if (!envelope.ok) return refuse('bad-request', envelope.errors.join('; '));
  const added = buildCatalogue(envelope.value.customItems);
  if (!added.ok) return refuse('bad-request', added.errors.join('; '));
  return ctx.store.transaction(() => {
    const existing = customItemsOf(negotiationOf(ctx, id));
    const known = new Set(existing.map((i) => i.id));
    const fresh = added.value.items.filter((i) => i.custom);
    const clashes = fresh.flatMap((item, i) =>
      known.has(item.id) ? [`customItems[${i}].id: is already in the catalogue`] : [],
    );
    if (clashes.length > 0) return refuse('bad-request', clashes.join('; '));
    const all = [
      ...existing,
      ...fresh.map(({ id: itemId, group, label, explanation }) => ({
        id: itemId,
        group,
        label,
        explanation,
      })),
    ];
    if (!buildCatalogue(all).ok)
      return refuse('bad-request', 'customItems: a catalogue holds at most 100 items of your own');
    ctx.store.setCustomItems(id, all);
    return done(null);
  });
}
