/**
 * Expected refusals of the negotiation service, as values (STYLE.md): a reason for programs and
 * a plain message for people. A message names the sender's own fields or the negotiation's state,
 * never anything the other partner wrote (P3).
 */
export const REFUSAL_REASONS = [
  'bad-request',
  'malformed',
  'unauthorized',
  'forbidden',
  'unknown',
  'not-found',
  'expired',
  'used',
  'declined',
  'not-joined',
  'joined',
  'no-draft',
  'stale',
  'already-sealed',
  'sealed-before',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type Refusal = Readonly<{ ok: false; reason: RefusalReason; message: string }>;
export type Outcome<T> = { ok: true; value: T } | Refusal;

export const refuse = (reason: RefusalReason, message: string): Refusal => ({
  ok: false,
  reason,
  message,
});

export const done = <T>(value: T): Outcome<T> => ({ ok: true, value });
