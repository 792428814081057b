import type Database from 'better-sqlite3-multiple-ciphers';
import { StoreError } from './store-error';

/**
 * The schema as an ordered list of steps. The database's `PRAGMA user_version` says how many have
 * been applied, so opening an older file brings it up to date, one transaction per step. A step,
 * once released, is never edited: a change is a new step at the end.
 */
export type Migration = Readonly<{ version: number; what: string; sql: string }>;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    what: 'scenes, their participants, pairing codes and event logs',
    // STRICT tables refuse a value of the wrong type instead of storing it anyway. A scene's
    // event count is read from its events (MAX(n) on the primary key), so an append writes
    // exactly one row and the count can never disagree with the log.
    sql: `
      CREATE TABLE scenes (
        scene_id TEXT PRIMARY KEY,
        created_wall_ms INTEGER NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('pair', 'solo')),
        agreement_hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed'))
      ) STRICT;
      CREATE INDEX scenes_newest_first ON scenes (created_wall_ms DESC);

      CREATE TABLE participants (
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('dominant', 'submissive')),
        secret_hash TEXT NOT NULL UNIQUE,
        last_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        PRIMARY KEY (scene_id, role)
      ) STRICT;

      CREATE TABLE pairing_codes (
        code_hash TEXT PRIMARY KEY,
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('dominant', 'submissive')),
        expires_wall_ms INTEGER NOT NULL,
        used_wall_ms INTEGER
      ) STRICT;
      CREATE INDEX pairing_codes_by_scene ON pairing_codes (scene_id);

      CREATE TABLE events (
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        n INTEGER NOT NULL CHECK (n >= 1),
        type TEXT NOT NULL,
        at INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (scene_id, n)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    what: 'negotiations: participants, invitations, private answers, drafts, signatures, agreements',
    // Answers are private (P3): only the server reads them, and only to give them back to their
    // author or to compute the overlap (src/server/negotiation). A participant's id is their
    // role, unique within a negotiation. Agreements are keyed by negotiation and hash, because
    // two negotiations may seal the same content; the triggers keep a sealed agreement as it was
    // sealed (only "replaced" or "withdrawn" may be set, once) and signatures as they were given.
    sql: `
      CREATE TABLE negotiations (
        negotiation_id TEXT PRIMARY KEY,
        created_wall_ms INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('invited', 'open', 'declined')),
        initiator_role TEXT NOT NULL CHECK (initiator_role IN ('dominant', 'submissive')),
        message TEXT,
        custom_items TEXT NOT NULL DEFAULT '[]',
        round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
        revealed_round INTEGER CHECK (revealed_round BETWEEN 1 AND round)
      ) STRICT;

      CREATE TABLE negotiation_participants (
        negotiation_id TEXT NOT NULL REFERENCES negotiations (negotiation_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('dominant', 'submissive')),
        name TEXT NOT NULL,
        secret_hash TEXT NOT NULL UNIQUE,
        joined_wall_ms INTEGER NOT NULL,
        PRIMARY KEY (negotiation_id, role)
      ) STRICT;

      CREATE TABLE invitations (
        code_hash TEXT PRIMARY KEY,
        negotiation_id TEXT NOT NULL REFERENCES negotiations (negotiation_id) ON DELETE CASCADE,
        created_wall_ms INTEGER NOT NULL,
        expires_wall_ms INTEGER NOT NULL,
        used_wall_ms INTEGER
      ) STRICT;
      CREATE INDEX invitations_by_negotiation ON invitations (negotiation_id, created_wall_ms);

      CREATE TABLE answers (
        negotiation_id TEXT NOT NULL,
        role TEXT NOT NULL,
        round INTEGER NOT NULL CHECK (round >= 1),
        json TEXT NOT NULL,
        updated_wall_ms INTEGER NOT NULL,
        submitted_wall_ms INTEGER,
        PRIMARY KEY (negotiation_id, role, round),
        FOREIGN KEY (negotiation_id, role)
          REFERENCES negotiation_participants (negotiation_id, role) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE drafts (
        negotiation_id TEXT PRIMARY KEY
          REFERENCES negotiations (negotiation_id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
        agreement_hash TEXT NOT NULL,
        json TEXT NOT NULL,
        by_role TEXT NOT NULL CHECK (by_role IN ('dominant', 'submissive')),
        at_wall_ms INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE signatures (
        negotiation_id TEXT NOT NULL,
        draft_version INTEGER NOT NULL CHECK (draft_version >= 1),
        role TEXT NOT NULL,
        agreement_hash TEXT NOT NULL,
        at_wall_ms INTEGER NOT NULL,
        mac TEXT NOT NULL,
        PRIMARY KEY (negotiation_id, draft_version, role),
        FOREIGN KEY (negotiation_id, role)
          REFERENCES negotiation_participants (negotiation_id, role) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER signatures_never_change BEFORE UPDATE ON signatures
      BEGIN SELECT RAISE(ABORT, 'a signature never changes'); END;

      CREATE TABLE agreements (
        negotiation_id TEXT NOT NULL REFERENCES negotiations (negotiation_id) ON DELETE CASCADE,
        agreement_hash TEXT NOT NULL,
        json TEXT NOT NULL,
        draft_version INTEGER NOT NULL,
        sealed_wall_ms INTEGER NOT NULL,
        replaced_wall_ms INTEGER,
        withdrawn_wall_ms INTEGER,
        withdrawn_by TEXT CHECK (withdrawn_by IN ('dominant', 'submissive')),
        PRIMARY KEY (negotiation_id, agreement_hash)
      ) STRICT;
      -- At most one agreement of a negotiation is in force: a new seal replaces the last one.
      CREATE UNIQUE INDEX one_agreement_in_force ON agreements (negotiation_id)
        WHERE replaced_wall_ms IS NULL AND withdrawn_wall_ms IS NULL;
      CREATE TRIGGER sealed_agreements_never_change
      BEFORE UPDATE OF negotiation_id, agreement_hash, json, draft_version, sealed_wall_ms
      ON agreements
      BEGIN SELECT RAISE(ABORT, 'a sealed agreement never changes'); END;
      CREATE TRIGGER withdrawn_or_replaced_is_final
      BEFORE UPDATE OF replaced_wall_ms, withdrawn_wall_ms, withdrawn_by ON agreements
      WHEN OLD.replaced_wall_ms IS NOT NULL OR OLD.withdrawn_wall_ms IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a withdrawn or replaced agreement stays so'); END;
    `,
  },
  {
    version: 3,
    what: "a scene's traces for its history: sensor readings, stop timings, its negotiation",
    // Readings are not scene events: the fold never reads them, and they come at sensor rates
    // (kept at most a few per second, see the scene runtime). `at` is the scene clock, as in
    // events. A stop timing is how long a stop took from its request to the device server's
    // confirmation, measured by the shell. A scene for two remembers the negotiation its
    // agreement was sealed in (NULL for solo and for scenes from before), so a debrief can
    // shape that couple's next agreement.
    sql: `
      CREATE TABLE readings (
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        at INTEGER NOT NULL CHECK (at >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('pressure', 'heart-rate')),
        value REAL NOT NULL
      ) STRICT;
      CREATE INDEX readings_by_scene ON readings (scene_id, at);

      CREATE TABLE stop_timings (
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        at INTEGER NOT NULL CHECK (at >= 0),
        reached_after_ms REAL NOT NULL CHECK (reached_after_ms >= 0),
        PRIMARY KEY (scene_id, at)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE scenes ADD COLUMN negotiation_id TEXT;
      CREATE INDEX scenes_by_negotiation ON scenes (negotiation_id) WHERE negotiation_id IS NOT NULL;
    `,
  },
  {
    version: 4,
    what: 'debriefs and follow-ups after a scene',
    // A debrief is private to its author (as answers are, P3) until they choose what to share:
    // \`shared\` holds only that part. Follow-ups are the agreed check-ins hours and days after a
    // scene, per participant, each answered once.
    sql: `
      CREATE TABLE debriefs (
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('dominant', 'submissive')),
        json TEXT NOT NULL,
        shared_json TEXT,
        updated_wall_ms INTEGER NOT NULL,
        shared_wall_ms INTEGER,
        PRIMARY KEY (scene_id, role)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE follow_ups (
        scene_id TEXT NOT NULL REFERENCES scenes (scene_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('dominant', 'submissive')),
        due_wall_ms INTEGER NOT NULL,
        answered_wall_ms INTEGER,
        json TEXT,
        PRIMARY KEY (scene_id, role, due_wall_ms)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    what: "a journal for live scenes' events in order of arrival (group commit), and each event's frame number",
    // Decision 0017. \`events\` keeps each scene's events together (clustered by scene), so a
    // commit that holds one event from each of many scenes touches a page per scene. Live scenes
    // append here instead, in arrival order (a commit touches a page or two), and each scene's
    // rows move to \`events\` in runs of many: as it closes, and whenever it has a run waiting.
    // A row may sit in both for a moment (copied, not yet cleared); \`events\` wins on reading.
    // A row here is an event stored and acknowledged like any in \`events\` (S7). No foreign key:
    // only a scene's own log writes here, and a lookup per row is a cost on every event; the
    // row's copy into \`events\` is checked by that table's key.
    // An event a screen's frame asked for keeps that frame's role and number, so the replay
    // guard (the highest number each role used) is stored with the event, not as a second write;
    // \`participants.last_seq\` still holds the number of frames that made no event.
    sql: `
      CREATE TABLE event_journal (
        seq INTEGER PRIMARY KEY,
        scene_id TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 1),
        type TEXT NOT NULL,
        at INTEGER NOT NULL,
        json TEXT NOT NULL,
        frame_role TEXT CHECK (frame_role IN ('dominant', 'submissive')),
        frame_seq INTEGER CHECK (frame_seq >= 1)
      ) STRICT;
      ALTER TABLE events ADD COLUMN frame_role TEXT CHECK (frame_role IN ('dominant', 'submissive'));
      ALTER TABLE events ADD COLUMN frame_seq INTEGER CHECK (frame_seq >= 1);
    `,
  },
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

export function schemaVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error('PRAGMA user_version is always a number');
  return version;
}

/**
 * Refuses a database written by a newer Redline, before anything writes to it: this code cannot
 * know what the newer steps changed, and guessing could lose what is stored there.
 */
export function refuseNewer(
  db: Database.Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const version = schemaVersion(db);
  const known = latestVersion(migrations);
  if (version > known)
    throw new StoreError(
      `the store at ${path} was written by a newer version of Redline (schema ${version}; ` +
        `this version knows up to ${known}). It was left untouched: update Redline to open it.`,
    );
}

/**
 * Applies every step the database lacks, in order, each with its version in one transaction: a
 * step that fails leaves the database as it was. IMMEDIATE takes the write lock before reading
 * the version, so two processes opening the same file cannot apply a step twice. Returns the
 * versions applied.
 */
export function migrate(
  db: Database.Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${i + 1} is numbered ${m.version}`);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      refuseNewer(db, path, migrations);
      if (schemaVersion(db) >= migration.version) return false;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}
