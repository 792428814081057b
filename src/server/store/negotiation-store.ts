import type Database from 'better-sqlite3-multiple-ciphers';
import { createDebriefStore, type SharedDebriefRow } from './debrief-store';
import type { RecordCodec } from './negotiation-codec';
import {
  prepareNegotiationStatements,
  type AgreementRecord,
  type NegotiationStatus,
} from './negotiation-statements';
import type { Role } from './statements';
import { reasonOf, sqliteCode, StoreError } from './store-error';

export type { NegotiationStatus } from './negotiation-statements';

/**
 * A negotiation's rows (migration 2). JSON values come back as `unknown`: the server validates
 * them again. The store knows nothing of rounds, reveals or signing rules; those are the
 * negotiation service's (src/server/negotiation). Its messages name negotiations and roles,
 * never anything a participant wrote (P3).
 */
export type NegotiationRow = Readonly<{
  negotiationId: string;
  createdWallMs: number;
  status: NegotiationStatus;
  initiatorRole: Role;
  message: string | null;
  customItems: unknown;
  round: number;
  revealedRound: number | null;
}>;
export type NegotiationParticipantRow = Readonly<{
  role: Role;
  name: string;
  joinedWallMs: number;
}>;
export type InvitationRow = Readonly<{
  negotiationId: string;
  expiresWallMs: number;
  usedWallMs: number | null;
}>;
export type InvitationClaim =
  { ok: true; negotiationId: string } | { ok: false; reason: 'unknown' | 'expired' | 'used' };
export type StoredAnswers = Readonly<{
  items: unknown;
  updatedWallMs: number;
  submittedWallMs: number | null;
}>;
export type DraftRow = Readonly<{
  version: number;
  agreementHash: string;
  agreement: unknown;
  byRole: Role;
  atWallMs: number;
}>;
export type SignatureRow = Readonly<{
  draftVersion: number;
  role: Role;
  agreementHash: string;
  atWallMs: number;
  mac: string;
}>;
export type AgreementRow = Readonly<{
  negotiationId: string;
  agreementHash: string;
  agreement: unknown;
  draftVersion: number;
  sealedWallMs: number;
  replacedWallMs: number | null;
  withdrawnWallMs: number | null;
  withdrawnBy: Role | null;
}>;

export type NegotiationStore = Readonly<{
  /** Runs `body` in one IMMEDIATE transaction: everything it stores is kept, or nothing. */
  transaction<T>(body: () => T): T;
  /** In one transaction: the negotiation, its initiator and its first invitation code. */
  create(input: {
    negotiationId: string;
    createdWallMs: number;
    message: string | null;
    initiator: { role: Role; name: string; secretHash: string };
    invitation: { codeHash: string; expiresWallMs: number };
  }): void;
  negotiation(negotiationId: string): NegotiationRow | null;
  setStatus(negotiationId: string, status: NegotiationStatus): void;
  setCustomItems(negotiationId: string, items: unknown): void;
  setRound(negotiationId: string, round: number, revealedRound: number | null): void;

  /** Those who have joined, dominant first. */
  participants(negotiationId: string): NegotiationParticipantRow[];
  /** Secret hashes are unique across every negotiation, so the hash alone finds its holder. */
  participantBySecret(secretHash: string): { negotiationId: string; role: Role } | null;
  addParticipant(
    negotiationId: string,
    participant: { role: Role; name: string; secretHash: string; joinedWallMs: number },
  ): void;

  addInvitation(input: {
    codeHash: string;
    negotiationId: string;
    createdWallMs: number;
    expiresWallMs: number;
  }): void;
  invitation(codeHash: string): InvitationRow | null;
  latestInvitation(negotiationId: string): InvitationRow | null;
  /** Atomic and single-use, like a pairing code. */
  claimInvitation(codeHash: string, nowWallMs: number): InvitationClaim;
  /** Spends every unused code of the negotiation (a fresh one replaces them). */
  retireInvitations(negotiationId: string, nowWallMs: number): void;

  answers(negotiationId: string, role: Role, round: number): StoredAnswers | null;
  putAnswers(
    negotiationId: string,
    role: Role,
    round: number,
    answers: { items: unknown; updatedWallMs: number; submittedWallMs: number | null },
  ): void;
  /** Marks the round's answers final; false if there are none or they already were. */
  submitAnswers(negotiationId: string, role: Role, round: number, nowWallMs: number): boolean;

  draft(negotiationId: string): DraftRow | null;
  putDraft(negotiationId: string, draft: DraftRow): void;

  signatures(negotiationId: string, draftVersion: number): SignatureRow[];
  addSignature(negotiationId: string, signature: SignatureRow): void;
  /** Removes a signature not yet part of a sealed agreement; true if there was one. */
  removePendingSignature(negotiationId: string, draftVersion: number, role: Role): boolean;
  /** Removes every signature not part of a sealed agreement (a new draft was written). */
  clearPendingSignatures(negotiationId: string): void;

  agreement(negotiationId: string, agreementHash: string): AgreementRow | null;
  /** Every agreement the negotiation sealed, newest first. */
  agreements(negotiationId: string): AgreementRow[];
  /** Stores a sealed agreement; it never changes afterwards (a trigger refuses it). */
  seal(
    negotiationId: string,
    input: {
      agreementHash: string;
      agreement: unknown;
      draftVersion: number;
      sealedWallMs: number;
    },
  ): void;
  /** Marks the agreement in force, if any, replaced (a newer one is being sealed). */
  markReplaced(negotiationId: string, nowWallMs: number): void;
  /** Withdraws the agreement in force; its hash, or null if none was. */
  markWithdrawn(negotiationId: string, nowWallMs: number, by: Role): string | null;

  /**
   * Only what partners chose to share in the debriefs of this negotiation's scenes, latest scene
   * first, each with its scene's agreement: what the next agreement's suggestions come from.
   */
  sharedDebriefs(negotiationId: string): SharedDebriefRow[];
}>;

/** Runs one store operation, turning any failure into a StoreError saying what failed. */
export type Attempt = <T>(what: string, run: () => T, plain?: Record<string, string>) => T;

export function createNegotiationStore(options: {
  db: Database.Database;
  attempt: Attempt;
  codec: RecordCodec;
}): NegotiationStore {
  const { db, attempt, codec } = options;
  const s = prepareNegotiationStatements(db);
  const debriefs = createDebriefStore({ db, attempt, codec });
  const of = (id: string) => `negotiation "${id}"`;
  const noNegotiation = (id: string) => ({
    SQLITE_CONSTRAINT_FOREIGNKEY: `${of(id)} (or that participant) is not in the store`,
  });
  const changed = (id: string, changes: number) => {
    if (changes === 0) throw new StoreError(`${of(id)} is not in the store`);
  };
  const agreementRow = (r: AgreementRecord): AgreementRow => ({
    negotiationId: r.negotiation_id,
    agreementHash: r.agreement_hash,
    agreement: codec.decode(r.json),
    draftVersion: r.draft_version,
    sealedWallMs: r.sealed_wall_ms,
    replacedWallMs: r.replaced_wall_ms,
    withdrawnWallMs: r.withdrawn_wall_ms,
    withdrawnBy: r.withdrawn_by,
  });

  const create = db.transaction((input: Parameters<NegotiationStore['create']>[0]) => {
    const { negotiationId: id, initiator } = input;
    s.insertNegotiation.run(id, input.createdWallMs, initiator.role, input.message);
    s.insertParticipant.run(
      id,
      initiator.role,
      initiator.name,
      initiator.secretHash,
      input.createdWallMs,
    );
    s.insertInvitation.run(
      input.invitation.codeHash,
      id,
      input.createdWallMs,
      input.invitation.expiresWallMs,
    );
  });

  const claim = db.transaction((codeHash: string, nowWallMs: number): InvitationClaim => {
    const claimed = s.claimInvitation.get(nowWallMs, codeHash, nowWallMs);
    if (claimed !== undefined) return { ok: true, negotiationId: claimed.negotiation_id };
    const code = s.invitation.get(codeHash);
    if (code === undefined) return { ok: false, reason: 'unknown' };
    return { ok: false, reason: code.used_wall_ms === null ? 'expired' : 'used' };
  });

  const invitationRow = (r: {
    negotiation_id: string;
    expires_wall_ms: number;
    used_wall_ms: number | null;
  }): InvitationRow => ({
    negotiationId: r.negotiation_id,
    expiresWallMs: r.expires_wall_ms,
    usedWallMs: r.used_wall_ms,
  });

  return {
    sharedDebriefs: (id) => debriefs.sharedInNegotiation(id),
    transaction(body) {
      if (!db.open) return attempt('store a negotiation change', body);
      try {
        return db.transaction(body).immediate();
      } catch (error) {
        // The body's own errors (a StoreError naming what failed, a broken invariant) pass as
        // they are; only SQLite's (a busy lock at BEGIN or COMMIT) are worded here.
        if (sqliteCode(error) === undefined) throw error;
        throw new StoreError(`could not store a negotiation change: ${reasonOf(error)}`, {
          cause: error,
        });
      }
    },
    create(input) {
      attempt(
        `create ${of(input.negotiationId)}`,
        () => {
          create.immediate(input);
        },
        {
          SQLITE_CONSTRAINT_PRIMARYKEY: `${of(input.negotiationId)} or its code already exists`,
          SQLITE_CONSTRAINT_UNIQUE: 'a secret is already in use',
        },
      );
    },
    negotiation(id) {
      const r = attempt(`read ${of(id)}`, () => s.negotiation.get(id));
      if (r === undefined) return null;
      return {
        negotiationId: r.negotiation_id,
        createdWallMs: r.created_wall_ms,
        status: r.status,
        initiatorRole: r.initiator_role,
        message: r.message,
        customItems: codec.decode(r.custom_items),
        round: r.round,
        revealedRound: r.revealed_round,
      };
    },
    setStatus(id, status) {
      attempt(`mark ${of(id)} ${status}`, () => {
        changed(id, s.setStatus.run(status, id).changes);
      });
    },
    setCustomItems(id, items) {
      attempt(`store the items of ${of(id)}`, () => {
        changed(id, s.setCustomItems.run(codec.encode(items), id).changes);
      });
    },
    setRound(id, round, revealedRound) {
      attempt(`set the round of ${of(id)}`, () => {
        changed(id, s.setRound.run(round, revealedRound, id).changes);
      });
    },

    participants: (id) =>
      attempt(`read the participants of ${of(id)}`, () =>
        s.participants
          .all(id)
          .map((r) => ({ role: r.role, name: r.name, joinedWallMs: r.joined_wall_ms })),
      ),
    participantBySecret(secretHash) {
      const r = attempt('look up a participant', () => s.participantBySecret.get(secretHash));
      return r === undefined ? null : { negotiationId: r.negotiation_id, role: r.role };
    },
    addParticipant(id, p) {
      attempt(
        `add the ${p.role} to ${of(id)}`,
        () => s.insertParticipant.run(id, p.role, p.name, p.secretHash, p.joinedWallMs),
        {
          ...noNegotiation(id),
          SQLITE_CONSTRAINT_PRIMARYKEY: `${of(id)} already has a ${p.role}`,
          SQLITE_CONSTRAINT_UNIQUE: 'that secret is already in use',
        },
      );
    },

    addInvitation(input) {
      attempt(
        `add an invitation to ${of(input.negotiationId)}`,
        () =>
          s.insertInvitation.run(
            input.codeHash,
            input.negotiationId,
            input.createdWallMs,
            input.expiresWallMs,
          ),
        {
          ...noNegotiation(input.negotiationId),
          SQLITE_CONSTRAINT_PRIMARYKEY: 'that code is already in use',
        },
      );
    },
    invitation(codeHash) {
      const r = attempt('read an invitation', () => s.invitation.get(codeHash));
      return r === undefined ? null : invitationRow(r);
    },
    latestInvitation(id) {
      const r = attempt(`read the invitation of ${of(id)}`, () => s.latestInvitation.get(id));
      return r === undefined ? null : invitationRow(r);
    },
    claimInvitation: (codeHash, nowWallMs) =>
      attempt('claim an invitation', () => claim.immediate(codeHash, nowWallMs)),
    retireInvitations(id, nowWallMs) {
      attempt(`retire the invitations of ${of(id)}`, () => s.retireInvitations.run(nowWallMs, id));
    },

    answers(id, role, round) {
      const r = attempt(`read the ${role}'s answers in ${of(id)}`, () =>
        s.answers.get(id, role, round),
      );
      return r === undefined
        ? null
        : {
            items: codec.decode(r.json),
            updatedWallMs: r.updated_wall_ms,
            submittedWallMs: r.submitted_wall_ms,
          };
    },
    putAnswers(id, role, round, answers) {
      attempt(
        `store the ${role}'s answers in ${of(id)}`,
        () =>
          s.putAnswers.run(
            id,
            role,
            round,
            codec.encode(answers.items),
            answers.updatedWallMs,
            answers.submittedWallMs,
          ),
        noNegotiation(id),
      );
    },
    submitAnswers: (id, role, round, nowWallMs) =>
      attempt(
        `submit the ${role}'s answers in ${of(id)}`,
        () => s.submitAnswers.run(nowWallMs, id, role, round).changes > 0,
      ),

    draft(id) {
      const r = attempt(`read the draft of ${of(id)}`, () => s.draft.get(id));
      return r === undefined
        ? null
        : {
            version: r.version,
            agreementHash: r.agreement_hash,
            agreement: codec.decode(r.json),
            byRole: r.by_role,
            atWallMs: r.at_wall_ms,
          };
    },
    putDraft(id, d) {
      attempt(
        `store the draft of ${of(id)}`,
        () =>
          s.putDraft.run(
            id,
            d.version,
            d.agreementHash,
            codec.encode(d.agreement),
            d.byRole,
            d.atWallMs,
          ),
        noNegotiation(id),
      );
    },

    signatures: (id, draftVersion) =>
      attempt(`read the signatures in ${of(id)}`, () =>
        s.signatures.all(id, draftVersion).map((r) => ({
          draftVersion: r.draft_version,
          role: r.role,
          agreementHash: r.agreement_hash,
          atWallMs: r.at_wall_ms,
          mac: r.mac,
        })),
      ),
    addSignature(id, sig) {
      attempt(
        `store the ${sig.role}'s signature in ${of(id)}`,
        () =>
          s.insertSignature.run(
            id,
            sig.draftVersion,
            sig.role,
            sig.agreementHash,
            sig.atWallMs,
            sig.mac,
          ),
        {
          ...noNegotiation(id),
          SQLITE_CONSTRAINT_PRIMARYKEY: `the ${sig.role} already signed this draft`,
        },
      );
    },
    removePendingSignature: (id, draftVersion, role) =>
      attempt(
        `remove the ${role}'s signature in ${of(id)}`,
        () => s.removePendingSignature.run(id, draftVersion, role, id).changes > 0,
      ),
    clearPendingSignatures(id) {
      attempt(`clear the signatures in ${of(id)}`, () => s.clearPendingSignatures.run(id, id));
    },

    agreement(id, hash) {
      const r = attempt(`read an agreement of ${of(id)}`, () => s.agreement.get(id, hash));
      return r === undefined ? null : agreementRow(r);
    },
    agreements: (id) =>
      attempt(`read the agreements of ${of(id)}`, () => s.agreements.all(id).map(agreementRow)),
    seal(id, a) {
      attempt(
        `seal an agreement in ${of(id)}`,
        () =>
          s.insertAgreement.run(
            id,
            a.agreementHash,
            codec.encode(a.agreement),
            a.draftVersion,
            a.sealedWallMs,
          ),
        {
          ...noNegotiation(id),
          SQLITE_CONSTRAINT_PRIMARYKEY: `${of(id)} already sealed this agreement`,
          SQLITE_CONSTRAINT_UNIQUE: `${of(id)} already has an agreement in force`,
        },
      );
    },
    markReplaced(id, nowWallMs) {
      attempt(`replace the agreement in force in ${of(id)}`, () =>
        s.markReplaced.run(nowWallMs, id),
      );
    },
    markWithdrawn: (id, nowWallMs, by) =>
      attempt(
        `withdraw the agreement in force in ${of(id)}`,
        () => s.markWithdrawn.get(nowWallMs, by, id)?.agreement_hash ?? null,
      ),
  };
}
