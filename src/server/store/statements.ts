import type Database from 'better-sqlite3-multiple-ciphers';

export type Role = 'dominant' | 'submissive';

export type SceneRecord = {
  scene_id: string;
  created_wall_ms: number;
  mode: 'pair' | 'solo';
  agreement_hash: string;
  status: 'open' | 'closed';
  negotiation_id: string | null;
  event_count: number;
};
export type EventRecord = { n: number; type: string; at: number; json: string };
export type CodeRecord = { scene_id: string; role: Role; used_wall_ms: number | null };

// The CHECK constraints in migrations.ts guarantee the union-typed columns. The count here is of
// \`events\` only: the store adds what the journal holds (one pass over it, not one per scene).
const SCENE_COLUMNS = `scene_id, created_wall_ms, mode, agreement_hash, status, negotiation_id,
  (SELECT COALESCE(MAX(n), 0) FROM events e WHERE e.scene_id = s.scene_id) AS event_count`;

/** Every statement the store runs, prepared once when it opens and reused for each call. */
export function prepareStatements(db: Database.Database) {
  return {
    insertScene: db.prepare<[string, number, string, string, string | null]>(
      `INSERT INTO scenes (scene_id, created_wall_ms, mode, agreement_hash, status, negotiation_id)
       VALUES (?, ?, ?, ?, 'open', ?)`,
    ),
    scene: db.prepare<[string], SceneRecord>(
      `SELECT ${SCENE_COLUMNS} FROM scenes s WHERE scene_id = ?`,
    ),
    scenes: db.prepare<[], SceneRecord>(
      `SELECT ${SCENE_COLUMNS} FROM scenes s ORDER BY created_wall_ms DESC, rowid DESC`,
    ),
    setStatus: db.prepare<[string, string]>(`UPDATE scenes SET status = ? WHERE scene_id = ?`),

    // The highest frame number the role used: frames that made no event, and those stored with
    // their event (decision 0017).
    participant: db.prepare<[string, string], { role: Role; last_seq: number }>(
      `SELECT role, MAX(last_seq,
         COALESCE((SELECT MAX(frame_seq) FROM events e
                   WHERE e.scene_id = p.scene_id AND e.frame_role = p.role), 0),
         COALESCE((SELECT MAX(frame_seq) FROM event_journal j
                   WHERE j.scene_id = p.scene_id AND j.frame_role = p.role), 0)) AS last_seq
       FROM participants p WHERE scene_id = ? AND secret_hash = ?`,
    ),
    insertParticipant: db.prepare<[string, string, string]>(
      `INSERT INTO participants (scene_id, role, secret_hash) VALUES (?, ?, ?)`,
    ),
    setParticipant: db.prepare<[string, string, string]>(
      `INSERT INTO participants (scene_id, role, secret_hash) VALUES (?, ?, ?)
       ON CONFLICT (scene_id, role) DO UPDATE SET secret_hash = excluded.secret_hash`,
    ),
    raiseLastSeq: db.prepare<[number, string, string]>(
      `UPDATE participants SET last_seq = MAX(last_seq, ?) WHERE scene_id = ? AND role = ?`,
    ),

    insertCode: db.prepare<[string, string, string, number]>(
      `INSERT INTO pairing_codes (code_hash, scene_id, role, expires_wall_ms) VALUES (?, ?, ?, ?)`,
    ),
    // One statement marks the code used only if it is still unused and unexpired: two claims
    // racing (even from two processes) cannot both get a row back.
    claimCode: db.prepare<[number, string, number], { scene_id: string; role: Role }>(
      `UPDATE pairing_codes SET used_wall_ms = ?
       WHERE code_hash = ? AND used_wall_ms IS NULL AND expires_wall_ms > ?
       RETURNING scene_id, role`,
    ),
    code: db.prepare<[string], CodeRecord>(
      `SELECT scene_id, role, used_wall_ms FROM pairing_codes WHERE code_hash = ?`,
    ),

    insertEvent: db.prepare<[string, number, string, number, string]>(
      `INSERT INTO events (scene_id, n, type, at, json) VALUES (?, ?, ?, ?, ?)`,
    ),
    eventCount: db
      .prepare<[string, string], number>(
        `SELECT MAX((SELECT COALESCE(MAX(n), 0) FROM events WHERE scene_id = ?),
                    (SELECT COALESCE(MAX(n), 0) FROM event_journal WHERE scene_id = ?))`,
      )
      .pluck(),
    eventCountStored: db
      .prepare<[string], number>(`SELECT COALESCE(MAX(n), 0) FROM events WHERE scene_id = ?`)
      .pluck(),
    event: db.prepare<[string, number], EventRecord>(
      `SELECT n, type, at, json FROM events WHERE scene_id = ? AND n = ?`,
    ),
    // Both tables, \`events\` first for a row in both (copied, not yet cleared from the journal).
    events: db.prepare<[string, string], EventRecord>(
      `SELECT n, type, at, json FROM events WHERE scene_id = ?
       UNION ALL
       SELECT n, type, at, json FROM event_journal j WHERE scene_id = ?
         AND NOT EXISTS (SELECT 1 FROM events e WHERE e.scene_id = j.scene_id AND e.n = j.n)
       ORDER BY n`,
    ),

    // The journal of live scenes' events (decision 0017).
    insertJournal: db.prepare<
      [string, number, string, number, string, string | null, number | null]
    >(
      `INSERT INTO event_journal (scene_id, n, type, at, json, frame_role, frame_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    // One statement for a run of rows (a JSON array of their seq, oldest first), not one per row.
    copyJournalRows: db.prepare<[string]>(
      `INSERT INTO events (scene_id, n, type, at, json, frame_role, frame_seq)
       SELECT j.scene_id, j.n, j.type, j.at, j.json, j.frame_role, j.frame_seq
       FROM json_each(?) AS k JOIN event_journal j ON j.seq = k.value ORDER BY k.key`,
    ),
    firstJournalSeq: db.prepare<[], number | null>(`SELECT MIN(seq) FROM event_journal`).pluck(),
    lastJournalSeq: db.prepare<[], number | null>(`SELECT MAX(seq) FROM event_journal`).pluck(),
    clearJournalBefore: db.prepare<[number]>(`DELETE FROM event_journal WHERE seq < ?`),
    journalCounts: db.prepare<[], { scene_id: string; n: number }>(
      `SELECT scene_id, MAX(n) AS n FROM event_journal GROUP BY scene_id`,
    ),
    settleJournal: db.prepare<[]>(
      `INSERT INTO events (scene_id, n, type, at, json, frame_role, frame_seq)
       SELECT scene_id, n, type, at, json, frame_role, frame_seq FROM event_journal j
       WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.scene_id = j.scene_id AND e.n = j.n)
       ORDER BY seq`,
    ),
    clearJournal: db.prepare<[]>(`DELETE FROM event_journal`),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
