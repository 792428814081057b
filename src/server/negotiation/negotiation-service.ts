import type { Role } from '../../core';
import { hashSecret } from '../secrets';
import type { NegotiationStore } from '../store/store';
import type { NegotiationContext, Participant } from './context';
import {
  accept,
  createNegotiation,
  decline,
  introduction,
  renewInvitation,
  type Created,
  type Introduction,
  type Invitation,
  type Joined,
  type NewNegotiation,
} from './invitations';
import { participantView, type ParticipantView } from './participant-view';
import { done, type Outcome } from './refusal';
import { addItems, putAnswers, submitAnswers } from './rounds';
import {
  agreementFor,
  putDraft,
  sealedAgreement,
  sign,
  withdraw,
  type SealedAgreement,
} from './signing';

export type { Participant } from './context';

/**
 * Talk first, on the server: invitations, private answers in rounds, the draft, signatures and
 * sealed agreements (docs/protocol.md "Negotiation", docs/decisions/0011). Every answer to a
 * participant goes through `participantView`, the one place that decides what they may see (P3).
 */
export type NegotiationService = Readonly<{
  create(input: NewNegotiation): Created;
  introduction(code: string): Outcome<Introduction>;
  accept(code: string, name: string): Outcome<Joined>;
  decline(code: string): Outcome<null>;
  renewInvitation(who: Participant): Outcome<Invitation>;
  /** The participant holding this secret in this negotiation; null never says which was wrong. */
  authenticate(negotiationId: string, secret: string): Participant | null;
  /** The participant holding this secret, in whichever negotiation. */
  authenticateSecret(secret: string): Participant | null;
  view(who: Participant): ParticipantView;
  putAnswers(who: Participant, body: unknown): Outcome<ParticipantView>;
  submit(who: Participant): Outcome<ParticipantView>;
  addItems(who: Participant, body: unknown): Outcome<ParticipantView>;
  putDraft(who: Participant, body: unknown): Outcome<ParticipantView>;
  sign(who: Participant, body: unknown): Outcome<ParticipantView>;
  withdraw(who: Participant): Outcome<ParticipantView>;
  agreement(
    who: Participant,
    hash: string,
  ): Outcome<SealedAgreement & { yourSignatureVerifies: boolean }>;
  /**
   * A sealed agreement of this negotiation, for starting a scene from it: only one whose state
   * is 'in-force' may start one (see `sealedAgreement` in signing.ts).
   */
  sealedAgreement(hash: string, negotiationId: string): SealedAgreement | null;
  /** Where failures are reported; never given anything a participant wrote. */
  report(message: string): void;
}>;

export type NegotiationServiceOptions = Readonly<{
  store: NegotiationStore;
  /** Wall-clock ms (invitation expiry, signing times); tests pass their own. */
  wallNow?: () => number;
  report?: (message: string) => void;
  /**
   * A partner withdrew consent: called before the withdrawal is even stored, so a scene running
   * under the agreement stops first (a stop never awaits storage).
   */
  onWithdrawn?: (negotiationId: string, by: Role) => void;
}>;

export function createNegotiationService(options: NegotiationServiceOptions): NegotiationService {
  const ctx: NegotiationContext = {
    store: options.store,
    now: options.wallNow ?? (() => Date.now()),
  };
  const then =
    (who: Participant) =>
    (outcome: Outcome<null>): Outcome<ParticipantView> =>
      outcome.ok ? done(participantView(ctx, who.negotiationId, who.role)) : outcome;
  const authenticateSecret = (secret: string): Participant | null => {
    const found = ctx.store.participantBySecret(hashSecret(secret));
    return found === null ? null : { ...found, secret };
  };
  return {
    create: (input) => createNegotiation(ctx, input),
    introduction: (code) => introduction(ctx, code),
    accept: (code, name) => accept(ctx, code, name),
    decline: (code) => decline(ctx, code),
    renewInvitation: (who) => renewInvitation(ctx, who),
    authenticate(negotiationId, secret) {
      const who = authenticateSecret(secret);
      return who?.negotiationId === negotiationId ? who : null;
    },
    authenticateSecret,
    view: (who) => participantView(ctx, who.negotiationId, who.role),
    putAnswers: (who, body) => then(who)(putAnswers(ctx, who, body)),
    submit: (who) => then(who)(submitAnswers(ctx, who)),
    addItems: (who, body) => then(who)(addItems(ctx, who, body)),
    putDraft: (who, body) => then(who)(putDraft(ctx, who, body)),
    sign: (who, body) => then(who)(sign(ctx, who, body)),
    withdraw(who) {
      options.onWithdrawn?.(who.negotiationId, who.role);
      return then(who)(withdraw(ctx, who));
    },
    agreement: (who, hash) => agreementFor(ctx, who, hash),
    sealedAgreement: (hash, negotiationId) => sealedAgreement(ctx, hash, negotiationId),
    report: options.report ?? (() => undefined),
  };
}
