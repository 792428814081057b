import {
  agreementHash,
  buildCatalogue,
  parseAgreement,
  parseAnswers,
  type Agreement,
  type Answers,
  type Catalogue,
  type CustomItemInput,
  type Role,
} from '../../core';
import type { AgreementRow, NegotiationRow, NegotiationStore } from '../store/store';

/** Who a request comes from, once their secret checked out. The secret stays in memory. */
export type Participant = Readonly<{ negotiationId: string; role: Role; secret: string }>;

/** What every part of the service shares: the store and the wall clock (injected in tests). */
export type NegotiationContext = Readonly<{ store: NegotiationStore; now(): number }>;

export const otherRole = (role: Role): Role => (role === 'dominant' ? 'submissive' : 'dominant');

/**
 * A broken invariant: the store holds something the service never writes. The message names the
 * negotiation and what failed, never the content (P3: it may end up in a log line).
 */
function corrupt(negotiationId: string, what: string): Error {
  return new Error(`negotiation "${negotiationId}": stored ${what} no longer validate`);
}

export function negotiationOf(ctx: NegotiationContext, negotiationId: string): NegotiationRow {
  const row = ctx.store.negotiation(negotiationId);
  if (row === null) throw new Error(`negotiation "${negotiationId}" is not in the store`);
  return row;
}

/** The couple's own items as they were added (validated again on the way out of the store). */
export function customItemsOf(row: NegotiationRow): CustomItemInput[] {
  return catalogueOf(row)
    .items.filter((i) => i.custom)
    .map(({ id, group, label, explanation }) => ({ id, group, label, explanation }));
}

/** Built-in items, then the couple's own in the order they were added. */
export function catalogueOf(row: NegotiationRow): Catalogue {
  const catalogue = buildCatalogue(row.customItems);
  if (!catalogue.ok) throw corrupt(row.negotiationId, 'custom items');
  return catalogue.value;
}

export type RoundAnswers = Readonly<{ answers: Answers; submitted: boolean }>;

/** One participant's answers in one round, validated again; null if they filed none. */
export function answersIn(
  ctx: NegotiationContext,
  row: NegotiationRow,
  catalogue: Catalogue,
  role: Role,
  round: number,
): RoundAnswers | null {
  const stored = ctx.store.answers(row.negotiationId, role, round);
  if (stored === null) return null;
  const answers = parseAnswers({ items: stored.items }, catalogue, role);
  if (!answers.ok) throw corrupt(row.negotiationId, `answers of the ${role} in round ${round}`);
  return { answers: answers.value, submitted: stored.submittedWallMs !== null };
}

/** A stored agreement, validated again and checked against the hash it is filed under. */
export function storedAgreement(
  negotiationId: string,
  stored: unknown,
  expectedHash: string,
): Agreement {
  const parsed = parseAgreement(stored);
  if (!parsed.ok || agreementHash(parsed.value) !== expectedHash)
    throw corrupt(negotiationId, 'agreement');
  return parsed.value;
}

export type { AgreementState } from '../../protocol/negotiation';
import type { AgreementState } from '../../protocol/negotiation';

export function agreementState(row: AgreementRow): AgreementState {
  if (row.withdrawnWallMs !== null) return 'withdrawn';
  return row.replacedWallMs === null ? 'in-force' : 'replaced';
}
