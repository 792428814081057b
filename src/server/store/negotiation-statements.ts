import type Database from 'better-sqlite3-multiple-ciphers';
import type { Role } from './statements';

export type NegotiationStatus = 'invited' | 'open' | 'declined';

export type NegotiationRecord = {
  negotiation_id: string;
  created_wall_ms: number;
  status: NegotiationStatus;
  initiator_role: Role;
  message: string | null;
  custom_items: string;
  round: number;
  revealed_round: number | null;
};
export type NegotiationParticipantRecord = { role: Role; name: string; joined_wall_ms: number };
export type InvitationRecord = {
  negotiation_id: string;
  expires_wall_ms: number;
  used_wall_ms: number | null;
};
export type AnswersRecord = {
  json: string;
  updated_wall_ms: number;
  submitted_wall_ms: number | null;
};
export type DraftRecord = {
  version: number;
  agreement_hash: string;
  json: string;
  by_role: Role;
  at_wall_ms: number;
};
export type SignatureRecord = {
  draft_version: number;
  role: Role;
  agreement_hash: string;
  at_wall_ms: number;
  mac: string;
};
export type AgreementRecord = {
  negotiation_id: string;
  agreement_hash: string;
  json: string;
  draft_version: number;
  sealed_wall_ms: number;
  replaced_wall_ms: number | null;
  withdrawn_wall_ms: number | null;
  withdrawn_by: Role | null;
};

const AGREEMENT_COLUMNS = `negotiation_id, agreement_hash, json, draft_version, sealed_wall_ms,
  replaced_wall_ms, withdrawn_wall_ms, withdrawn_by`;

/** The negotiation's statements (migration 2), prepared once when the store opens. */
export function prepareNegotiationStatements(db: Database.Database) {
  return {
    insertNegotiation: db.prepare<[string, number, string, string | null]>(
      `INSERT INTO negotiations (negotiation_id, created_wall_ms, status, initiator_role, message)
       VALUES (?, ?, 'invited', ?, ?)`,
    ),
    negotiation: db.prepare<[string], NegotiationRecord>(
      `SELECT negotiation_id, created_wall_ms, status, initiator_role, message, custom_items,
              round, revealed_round
       FROM negotiations WHERE negotiation_id = ?`,
    ),
    setStatus: db.prepare<[string, string]>(
      `UPDATE negotiations SET status = ? WHERE negotiation_id = ?`,
    ),
    setCustomItems: db.prepare<[string, string]>(
      `UPDATE negotiations SET custom_items = ? WHERE negotiation_id = ?`,
    ),
    setRound: db.prepare<[number, number | null, string]>(
      `UPDATE negotiations SET round = ?, revealed_round = ? WHERE negotiation_id = ?`,
    ),

    insertParticipant: db.prepare<[string, string, string, string, number]>(
      `INSERT INTO negotiation_participants (negotiation_id, role, name, secret_hash, joined_wall_ms)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    participants: db.prepare<[string], NegotiationParticipantRecord>(
      `SELECT role, name, joined_wall_ms FROM negotiation_participants
       WHERE negotiation_id = ? ORDER BY role`,
    ),
    participantBySecret: db.prepare<[string], { negotiation_id: string; role: Role }>(
      `SELECT negotiation_id, role FROM negotiation_participants WHERE secret_hash = ?`,
    ),

    insertInvitation: db.prepare<[string, string, number, number]>(
      `INSERT INTO invitations (code_hash, negotiation_id, created_wall_ms, expires_wall_ms)
       VALUES (?, ?, ?, ?)`,
    ),
    invitation: db.prepare<[string], InvitationRecord>(
      `SELECT negotiation_id, expires_wall_ms, used_wall_ms FROM invitations WHERE code_hash = ?`,
    ),
    latestInvitation: db.prepare<[string], InvitationRecord>(
      `SELECT negotiation_id, expires_wall_ms, used_wall_ms FROM invitations
       WHERE negotiation_id = ? ORDER BY created_wall_ms DESC, rowid DESC LIMIT 1`,
    ),
    // Like a pairing code: one statement spends the code only if it is unused and unexpired.
    claimInvitation: db.prepare<[number, string, number], { negotiation_id: string }>(
      `UPDATE invitations SET used_wall_ms = ?
       WHERE code_hash = ? AND used_wall_ms IS NULL AND expires_wall_ms > ?
       RETURNING negotiation_id`,
    ),
    retireInvitations: db.prepare<[number, string]>(
      `UPDATE invitations SET used_wall_ms = ? WHERE negotiation_id = ? AND used_wall_ms IS NULL`,
    ),

    answers: db.prepare<[string, string, number], AnswersRecord>(
      `SELECT json, updated_wall_ms, submitted_wall_ms FROM answers
       WHERE negotiation_id = ? AND role = ? AND round = ?`,
    ),
    putAnswers: db.prepare<[string, string, number, string, number, number | null]>(
      `INSERT INTO answers (negotiation_id, role, round, json, updated_wall_ms, submitted_wall_ms)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (negotiation_id, role, round) DO UPDATE SET json = excluded.json,
         updated_wall_ms = excluded.updated_wall_ms, submitted_wall_ms = excluded.submitted_wall_ms`,
    ),
    submitAnswers: db.prepare<[number, string, string, number]>(
      `UPDATE answers SET submitted_wall_ms = ?
       WHERE negotiation_id = ? AND role = ? AND round = ? AND submitted_wall_ms IS NULL`,
    ),

    draft: db.prepare<[string], DraftRecord>(
      `SELECT version, agreement_hash, json, by_role, at_wall_ms FROM drafts
       WHERE negotiation_id = ?`,
    ),
    putDraft: db.prepare<[string, number, string, string, string, number]>(
      `INSERT INTO drafts (negotiation_id, version, agreement_hash, json, by_role, at_wall_ms)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (negotiation_id) DO UPDATE SET version = excluded.version,
         agreement_hash = excluded.agreement_hash, json = excluded.json,
         by_role = excluded.by_role, at_wall_ms = excluded.at_wall_ms`,
    ),

    signatures: db.prepare<[string, number], SignatureRecord>(
      `SELECT draft_version, role, agreement_hash, at_wall_ms, mac FROM signatures
       WHERE negotiation_id = ? AND draft_version = ? ORDER BY at_wall_ms, role`,
    ),
    insertSignature: db.prepare<[string, number, string, string, number, string]>(
      `INSERT INTO signatures (negotiation_id, draft_version, role, agreement_hash, at_wall_ms, mac)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    // Signatures of a sealed agreement are part of it: only pending ones are ever removed.
    removePendingSignature: db.prepare<[string, number, string, string]>(
      `DELETE FROM signatures WHERE negotiation_id = ? AND draft_version = ? AND role = ?
       AND draft_version NOT IN (SELECT draft_version FROM agreements WHERE negotiation_id = ?)`,
    ),
    clearPendingSignatures: db.prepare<[string, string]>(
      `DELETE FROM signatures WHERE negotiation_id = ?
       AND draft_version NOT IN (SELECT draft_version FROM agreements WHERE negotiation_id = ?)`,
    ),

    agreement: db.prepare<[string, string], AgreementRecord>(
      `SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE negotiation_id = ? AND agreement_hash = ?`,
    ),
    agreements: db.prepare<[string], AgreementRecord>(
      `SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE negotiation_id = ?
       ORDER BY sealed_wall_ms DESC, rowid DESC`,
    ),
    insertAgreement: db.prepare<[string, string, string, number, number]>(
      `INSERT INTO agreements (negotiation_id, agreement_hash, json, draft_version, sealed_wall_ms)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    markReplaced: db.prepare<[number, string]>(
      `UPDATE agreements SET replaced_wall_ms = ?
       WHERE negotiation_id = ? AND replaced_wall_ms IS NULL AND withdrawn_wall_ms IS NULL`,
    ),
    markWithdrawn: db.prepare<[number, string, string], { agreement_hash: string }>(
      `UPDATE agreements SET withdrawn_wall_ms = ?, withdrawn_by = ?
       WHERE negotiation_id = ? AND replaced_wall_ms IS NULL AND withdrawn_wall_ms IS NULL
       RETURNING agreement_hash`,
    ),
  };
}

export type NegotiationStatements = ReturnType<typeof prepareNegotiationStatements>;
