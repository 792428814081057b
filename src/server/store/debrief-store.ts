import type Database from 'better-sqlite3-multiple-ciphers';
import type { RecordCodec } from './negotiation-codec';
import type { Attempt } from './negotiation-store';
import type { Role } from './statements';
import { StoreError } from './store-error';

/**
 * Debriefs and follow-ups after a scene (migration 4). A debrief is private to its author; its
 * shared part is a separate column, written only when they choose what to share, and it is the
 * only part any read for someone else returns (P3). Answers come back as `unknown`: the server
 * validates them again. Messages name scenes and roles, never what anyone wrote.
 */
export type DebriefRow = Readonly<{
  answers: unknown;
  shared: unknown;
  updatedWallMs: number;
  sharedWallMs: number | null;
}>;
export type SharedRow = Readonly<{ role: Role; shared: unknown; sharedWallMs: number }>;
/** A shared debrief of one of a negotiation's scenes, with the agreement that scene ran under. */
export type SharedDebriefRow = Readonly<{
  sceneId: string;
  createdWallMs: number;
  role: Role;
  shared: unknown;
  agreement: unknown;
}>;
export type FollowUpRow = Readonly<{
  dueWallMs: number;
  answeredWallMs: number | null;
  answer: unknown;
}>;

export type DebriefStore = Readonly<{
  /** The author's own debrief, private part and shared part; null if none was written. */
  debrief(sceneId: string, role: Role): DebriefRow | null;
  /** Writes the private answers; the shared part stays as it was last shared. */
  putDebrief(sceneId: string, role: Role, answers: unknown, nowWallMs: number): void;
  /** Replaces what is shared (null shares nothing); false if no debrief was written. */
  share(sceneId: string, role: Role, shared: unknown, nowWallMs: number): boolean;
  /** Only the shared parts of a scene's debriefs. */
  sharedIn(sceneId: string): SharedRow[];
  /** Only the shared parts, for every scene of the negotiation: latest scene first. */
  sharedInNegotiation(negotiationId: string): SharedDebriefRow[];
  followUps(sceneId: string, role: Role): FollowUpRow[];
  /** Adds the follow-ups not there yet (each due time once). */
  addFollowUps(sceneId: string, role: Role, dueWallMs: readonly number[]): void;
  /** Answers one, once; false if there is no such follow-up or it was answered already. */
  answerFollowUp(
    sceneId: string,
    role: Role,
    dueWallMs: number,
    answer: unknown,
    nowWallMs: number,
  ): boolean;
}>;

type DebriefRecord = {
  json: string;
  shared_json: string | null;
  updated_wall_ms: number;
  shared_wall_ms: number | null;
};
type SharedInNegotiationRecord = {
  scene_id: string;
  created_wall_ms: number;
  role: Role;
  shared_json: string;
  agreement_json: string;
};

function prepare(db: Database.Database) {
  return {
    debrief: db.prepare<[string, Role], DebriefRecord>(
      `SELECT json, shared_json, updated_wall_ms, shared_wall_ms FROM debriefs
       WHERE scene_id = ? AND role = ?`,
    ),
    putDebrief: db.prepare<[string, Role, string, number]>(
      `INSERT INTO debriefs (scene_id, role, json, updated_wall_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT (scene_id, role) DO UPDATE SET
         json = excluded.json, updated_wall_ms = excluded.updated_wall_ms`,
    ),
    share: db.prepare<[string | null, number | null, string, Role]>(
      `UPDATE debriefs SET shared_json = ?, shared_wall_ms = ? WHERE scene_id = ? AND role = ?`,
    ),
    sharedIn: db.prepare<[string], { role: Role; shared_json: string; shared_wall_ms: number }>(
      `SELECT role, shared_json, shared_wall_ms FROM debriefs
       WHERE scene_id = ? AND shared_json IS NOT NULL AND shared_wall_ms IS NOT NULL
       ORDER BY role`,
    ),
    // A scene for two runs under an agreement its negotiation sealed, filed by its hash there.
    sharedInNegotiation: db.prepare<[string], SharedInNegotiationRecord>(
      `SELECT s.scene_id, s.created_wall_ms, d.role, d.shared_json, a.json AS agreement_json
       FROM scenes s
       JOIN debriefs d ON d.scene_id = s.scene_id
       JOIN agreements a ON a.negotiation_id = s.negotiation_id
                        AND a.agreement_hash = s.agreement_hash
       WHERE s.negotiation_id = ? AND d.shared_json IS NOT NULL
       ORDER BY s.created_wall_ms DESC, s.rowid DESC, d.role`,
    ),
    followUps: db.prepare<
      [string, Role],
      { due_wall_ms: number; answered_wall_ms: number | null; json: string | null }
    >(
      `SELECT due_wall_ms, answered_wall_ms, json FROM follow_ups
       WHERE scene_id = ? AND role = ? ORDER BY due_wall_ms`,
    ),
    addFollowUp: db.prepare<[string, Role, number]>(
      `INSERT INTO follow_ups (scene_id, role, due_wall_ms) VALUES (?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    answerFollowUp: db.prepare<[number, string, string, Role, number]>(
      `UPDATE follow_ups SET answered_wall_ms = ?, json = ?
       WHERE scene_id = ? AND role = ? AND due_wall_ms = ? AND answered_wall_ms IS NULL`,
    ),
  };
}

export function createDebriefStore(options: {
  db: Database.Database;
  attempt: Attempt;
  codec: RecordCodec;
}): DebriefStore {
  const { db, attempt, codec } = options;
  const s = prepare(db);
  const of = (sceneId: string, role: Role) => `the ${role}'s debrief of scene "${sceneId}"`;
  const noScene = (sceneId: string) => ({
    SQLITE_CONSTRAINT_FOREIGNKEY: `scene "${sceneId}" is not in the store`,
  });
  const addFollowUps = db.transaction((sceneId: string, role: Role, dues: readonly number[]) => {
    for (const due of dues) s.addFollowUp.run(sceneId, role, due);
  });

  return {
    debrief(sceneId, role) {
      const r = attempt(`read ${of(sceneId, role)}`, () => s.debrief.get(sceneId, role));
      if (r === undefined) return null;
      return {
        answers: codec.decode(r.json),
        shared: r.shared_json === null ? null : codec.decode(r.shared_json),
        updatedWallMs: r.updated_wall_ms,
        sharedWallMs: r.shared_wall_ms,
      };
    },
    putDebrief(sceneId, role, answers, nowWallMs) {
      attempt(
        `store ${of(sceneId, role)}`,
        () => s.putDebrief.run(sceneId, role, codec.encode(answers), nowWallMs),
        noScene(sceneId),
      );
    },
    share(sceneId, role, shared, nowWallMs) {
      return attempt(`share ${of(sceneId, role)}`, () => {
        const text = shared === null ? null : codec.encode(shared);
        const at = shared === null ? null : nowWallMs;
        return s.share.run(text, at, sceneId, role).changes > 0;
      });
    },
    sharedIn(sceneId) {
      return attempt(`read what was shared of scene "${sceneId}"`, () =>
        s.sharedIn.all(sceneId).map((r) => ({
          role: r.role,
          shared: codec.decode(r.shared_json),
          sharedWallMs: r.shared_wall_ms,
        })),
      );
    },
    sharedInNegotiation(negotiationId) {
      return attempt(`read the debriefs shared after negotiation "${negotiationId}"`, () =>
        s.sharedInNegotiation.all(negotiationId).map((r) => ({
          sceneId: r.scene_id,
          createdWallMs: r.created_wall_ms,
          role: r.role,
          shared: codec.decode(r.shared_json),
          agreement: codec.decode(r.agreement_json),
        })),
      );
    },
    followUps(sceneId, role) {
      return attempt(`read the ${role}'s follow-ups of scene "${sceneId}"`, () =>
        s.followUps.all(sceneId, role).map((r) => ({
          dueWallMs: r.due_wall_ms,
          answeredWallMs: r.answered_wall_ms,
          answer: r.json === null ? null : codec.decode(r.json),
        })),
      );
    },
    addFollowUps(sceneId, role, dues) {
      attempt(
        `add the ${role}'s follow-ups of scene "${sceneId}"`,
        () => {
          addFollowUps.immediate(sceneId, role, dues);
        },
        noScene(sceneId),
      );
    },
    answerFollowUp(sceneId, role, dueWallMs, answer, nowWallMs) {
      return attempt(`answer the ${role}'s follow-up of scene "${sceneId}"`, () => {
        if (!Number.isSafeInteger(dueWallMs)) throw new StoreError('a due time is a whole number');
        return (
          s.answerFollowUp.run(nowWallMs, codec.encode(answer), sceneId, role, dueWallMs).changes >
          0
        );
      });
    },
  };
}
