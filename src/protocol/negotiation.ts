import type { Agreement, Answers, Catalogue, Overlap, Role, Suggestion } from '../core';

/**
 * What the negotiation's HTTP API answers (docs/protocol.md "Negotiation"), shared by the server
 * that builds it (`server/negotiation/participant-view.ts`, the only place deciding what a
 * participant may see: P3) and the web app that shows it. Types only.
 */

export type NegotiationStatus = 'invited' | 'open' | 'declined';

/** A sealed agreement is in force until withdrawn by either partner or replaced by a newer one. */
export type AgreementState = 'in-force' | 'withdrawn' | 'replaced';

export type SignatureView = {
  /** A participant's id is their role: a negotiation has one of each. */
  participant: Role;
  name: string;
  role: Role;
  at: number;
  agreementHash: string;
};

export type DraftView = {
  version: number;
  agreement: Agreement;
  agreementHash: string;
  by: Role;
  at: number;
  /** Null until both signed this content; then the state of the sealed agreement. */
  sealed: AgreementState | null;
  signatures: SignatureView[];
};

export type AgreementSummary = {
  agreementHash: string;
  sealedAt: number;
  state: AgreementState;
  withdrawnAt: number | null;
  withdrawnBy: Role | null;
};

export type ParticipantView = {
  negotiationId: string;
  status: NegotiationStatus;
  /** The round now being answered; it moves on when answers change after a reveal. */
  round: number;
  /** The round `overlap` comes from: the last one both partners submitted; null before that. */
  revealedRound: number | null;
  you: { name: string; role: Role; submitted: boolean };
  partner: { name: string | null; role: Role; joined: boolean; submitted: boolean };
  /** The initiator's newest code while the partner has not answered it; null otherwise. */
  invitation: { expiresAt: number; open: boolean } | null;
  catalogue: Catalogue;
  own: Answers;
  overlap: Overlap | null;
  draft: DraftView | null;
  /** Every agreement this negotiation sealed, newest first; at most one is in force. */
  agreements: AgreementSummary[];
  /**
   * What the couple's last debriefed scene suggests for the next agreement (the core's
   * `suggestionsFrom`), from what either partner chose to share only; empty when nothing was.
   */
  suggestions: Suggestion[];
};

export type SealedAgreement = {
  agreementHash: string;
  agreement: Agreement;
  negotiationId: string;
  sealedAt: number;
  /** Only an agreement in force may start a scene. */
  state: AgreementState;
  withdrawnAt: number | null;
  withdrawnBy: Role | null;
  signatures: (SignatureView & { mac: string })[];
};

/** `POST /api/negotiations`: the initiator's own secret and a code for the partner. */
export type CreatedNegotiation = {
  negotiationId: string;
  secret: string;
  invitation: Invitation;
};
export type Invitation = { code: string; expiresAt: number; url: string };

/** `GET /api/invitations/:code`: the introduction, nothing of anyone's answers. */
export type Introduction = {
  initiator: { name: string; role: Role };
  you: { role: Role };
  message: string | null;
  expiresAt: number;
};

/** `POST /api/invitations/:code/accept`. */
export type Accepted = { negotiationId: string; role: Role; secret: string };
