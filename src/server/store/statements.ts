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

// The CHECK constraints in migrations.ts guarantee the union-typed columns.
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

    participant: db.prepare<[string, string], { role: Role; last_seq: number }>(
      `SELECT role, last_seq FROM participants WHERE scene_id = ? AND secret_hash = ?`,
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
      .prepare<[string], number>(`SELECT COALESCE(MAX(n), 0) FROM events WHERE scene_id = ?`)
      .pluck(),
    event: db.prepare<[string, number], EventRecord>(
      `SELECT n, type, at, json FROM events WHERE scene_id = ? AND n = ?`,
    ),
    events: db.prepare<[string], EventRecord>(
      `SELECT n, type, at, json FROM events WHERE scene_id = ? ORDER BY n`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
