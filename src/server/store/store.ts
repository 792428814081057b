import type Database from 'better-sqlite3-multiple-ciphers';
import {
  agreementHash,
  sceneEventSchema,
  type CreatedEvent,
  type Result,
  type SceneEvent,
} from '../../core';
import { openDatabase } from './database';
import { createDebriefStore, type DebriefStore } from './debrief-store';
import { createHistoryStore, type HistoryStore } from './history-store';
import { jsonEventCodec } from './event-codec';
import { createJournal, type Journal } from './journal';
import { walSync, type WalSync } from './wal-sync';
import {
  startCheckpointer,
  type Checkpointer,
  type CheckpointerOptions,
  type CheckpointResult,
} from './checkpointer';
import { jsonRecordCodec } from './negotiation-codec';
import { createNegotiationStore, type NegotiationStore } from './negotiation-store';
import {
  createStoredEventLog,
  readEvents,
  type LogContext,
  type StoredEventLog,
} from './scene-log';
import { prepareStatements, type Role, type SceneRecord } from './statements';
import { reasonOf, sqliteCode, StoreError } from './store-error';

export { StoreError } from './store-error';
export type { Role } from './statements';
export type { StoredEventLog } from './scene-log';
export type * from './negotiation-store';
export type * from './history-store';
export type * from './debrief-store';

/** The store's own SQLite connection, for the fault tests' hook only (see `openStore`). */
export type StoreConnection = Database.Database;

export type SceneRow = Readonly<{
  sceneId: string;
  createdWallMs: number;
  mode: 'pair' | 'solo';
  agreementHash: string;
  status: 'open' | 'closed';
  /** The negotiation that sealed a pair's agreement; null for solo. */
  negotiationId: string | null;
  eventCount: number;
}>;

export type ClaimResult =
  { ok: true; sceneId: string; role: Role } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

export type Store = {
  readonly path: string;
  /** In one transaction: the scene row, its participants, and the created event as event 1. */
  createScene(input: {
    created: CreatedEvent;
    createdWallMs: number;
    participants: readonly { role: Role; secretHash: string }[];
    /** The negotiation whose sealed agreement the scene runs under (a pair). */
    negotiationId?: string | null;
  }): void;
  /**
   * The scene's log. `append` writes synchronously (event number = count + 1); `stage` leaves the
   * write to the next group commit (decision 0017). A failed write is a StoreError (with a plain
   * message naming the scene) — the caller stops the scene. The same log object is returned for a
   * scene each time, so its count stays exact.
   */
  eventLog(sceneId: string): StoredEventLog;
  /**
   * Every stored event in order, each validated with sceneEventSchema; a corrupt row gives
   * errors naming the scene and event number.
   */
  events(sceneId: string): Result<SceneEvent[]>;
  /** Newest first. */
  scenes(): readonly SceneRow[];
  scene(sceneId: string): SceneRow | null;
  setStatus(sceneId: string, status: 'open' | 'closed'): void;
  /**
   * As `setStatus`, in the next group commit, after the events staged before it (a closed scene's
   * last events are never missing behind its status). A failure is handed to `failed`.
   */
  stageStatus(
    sceneId: string,
    status: 'open' | 'closed',
    failed: (error: StoreError) => void,
  ): void;
  /** The participant holding this secret hash in this scene, or null. */
  participant(sceneId: string, secretHash: string): { role: Role; lastSeq: number } | null;
  /** Adds the role's secret, or replaces it (re-pairing a lost panel); lastSeq is kept. */
  setParticipant(sceneId: string, role: Role, secretHash: string): void;
  /** Raises lastSeq; never lowers it (replay guard). */
  setLastSeq(sceneId: string, role: Role, seq: number): void;
  /** As `setLastSeq`, in the next group commit. A failure is handed to `failed`. */
  stageLastSeq(sceneId: string, role: Role, seq: number, failed: (error: StoreError) => void): void;
  /**
   * Writes whatever waits for the next group commit now and syncs it, blocking: every writer has
   * heard by the time it returns (shutting down: the screens see the last stop before they go).
   */
  commitNow(): void;
  addPairingCode(input: {
    codeHash: string;
    sceneId: string;
    role: Role;
    expiresWallMs: number;
  }): void;
  /** Atomic and single-use: a second claim of the same code gets 'used'; past expiry 'expired'. */
  claimPairingCode(codeHash: string, nowWallMs: number): ClaimResult;
  /** The scene a pairing code (by its hash) belongs to, used or not; null if none. */
  pairingCodeScene(codeHash: string): string | null;
  /** Negotiations, their private answers, drafts, signatures and sealed agreements. */
  readonly negotiations: NegotiationStore;
  /** A scene's readings and stop timings, for its history. */
  readonly history: HistoryStore;
  /** Debriefs (private, and what each chose to share) and follow-ups after a scene. */
  readonly debriefs: DebriefStore;
  /** Commits what is staged, then closes; every later call (appends included) throws a StoreError. */
  close(): void;
};

/** WAL pages not yet copied through past which the commits wait for the checkpoint (4 KB each). */
export const WAL_RESET_PAGES = 4096;
/** The longest the commits wait for one (ms); then they go on, and no wait for a second. */
const WAL_RESET_HOLD_MS = 100;
const WAL_RESET_RETRY_MS = 1000;
/** How often (at most) the checkpoint thread is asked to checkpoint, while commits come. */
const CHECKPOINT_EVERY_MS = 200;
/** SQLite's own automatic checkpoint, in WAL pages: what the store falls back to. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** Journal rows not yet cleared, behind the newest, past which a log is asked to copy its own. */
const JOURNAL_LAG_ROWS = 50_000;
/** At most this many journal rows are cleared in one commit (a short upkeep each time). */
const CLEAR_ROWS = 4_096;

const sceneRow = (r: SceneRecord): SceneRow => ({
  sceneId: r.scene_id,
  createdWallMs: r.created_wall_ms,
  mode: r.mode,
  agreementHash: r.agreement_hash,
  status: r.status,
  negotiationId: r.negotiation_id,
  eventCount: r.event_count,
});

/**
 * Redline's embedded store (SQLite through better-sqlite3-multiple-ciphers, whose calls are synchronous: an append
 * is on disk when it returns, and the scene loop stays ordered). Opens or creates the file at
 * `path`, creating its folder, and brings its schema up to date. With `passphrase` the whole file
 * is encrypted (a new one is created encrypted); a wrong or missing one is a StoreError that
 * says so, and nothing is written (decision 0014).
 */
export function openStore(options: {
  path: string;
  passphrase?: string | undefined;
  /**
   * Fault tests only (test/faults): handed the store's own connection once it is open, so a test
   * can make its writes fail for real mid-scene (`PRAGMA max_page_count`, as a full disk does;
   * the pragma is per connection, so no other connection can). Redline itself never sets it.
   */
  faultHook?: ((db: StoreConnection) => void) | undefined;
  /** When a group commit runs (default: once the process yields; tests pass their own). */
  scheduleCommit?: ((commit: () => void, afterMs: number) => void) | undefined;
  /** The least time between group commits' starts (ms); see the journal. */
  commitIntervalMs?: number | undefined;
  /** The most writes one group commit takes (default `MAX_WRITES_PER_COMMIT`); see the journal. */
  maxWritesPerCommit?: number | undefined;
  /** The most bulk writes (copy runs, runs of readings) a scheduled commit takes (journal.ts). */
  maxBulkWritesPerCommit?: number | undefined;
  /** Told each group commit's size and duration (the load benchmark). */
  observeCommit?: ((writes: number, ms: number) => void) | undefined;
  /** Syncs the group commits (default: fsync of the WAL off the event loop; tests their own). */
  walSync?: WalSync | undefined;
  /** Told what each checkpoint of the checkpoint thread did (tests). */
  observeCheckpoint?: ((result: CheckpointResult) => void) | undefined;
  /** WAL pages not copied through before the commits wait for a checkpoint (default `WAL_RESET_PAGES`). */
  walResetPages?: number | undefined;
  /** Starts the checkpoint thread (default: `startCheckpointer`; tests pass their own). */
  startCheckpoints?: ((options: CheckpointerOptions) => Checkpointer) | undefined;
  /**
   * Told what the store works around without failing a write: its checkpoint thread failing or
   * not starting (the store's own connection checkpoints again). `redline serve` passes its report.
   */
  report?: ((message: string) => void) | undefined;
}): Store {
  const { path } = options;
  const db = openDatabase(path, { passphrase: options.passphrase });
  options.faultHook?.(db);
  const statements = prepareStatements(db);
  const logs = new Map<string, StoredEventLog>();
  /** Closed scenes whose logs are forgotten once their last rows are copied: no log per scene forever. */
  const closing = new Set<string>();
  /**
   * Each open log's oldest journal row not yet copied (Infinity: none), in a slot of its own,
   * kept up to date by the log: the upkeep's minimum is one pass over one array. (Asking every
   * log at every commit, each an object long out of the processor's caches at 1,000 scenes, was
   * about a quarter of a commit's time.)
   */
  const uncopied = {
    oldest: new Float64Array(64),
    logs: [] as (StoredEventLog | undefined)[],
    slots: new Map<string, number>(),
    free: [] as number[],
    used: 0,
  };
  const takeSlot = (sceneId: string): number => {
    let slot = uncopied.free.pop();
    if (slot === undefined) {
      slot = uncopied.used++;
      if (slot === uncopied.oldest.length) {
        const grown = new Float64Array(2 * slot);
        grown.set(uncopied.oldest);
        uncopied.oldest = grown;
      }
    }
    uncopied.oldest[slot] = Infinity;
    uncopied.slots.set(sceneId, slot);
    return slot;
  };
  const freeSlot = (sceneId: string) => {
    const slot = uncopied.slots.get(sceneId);
    if (slot === undefined) return;
    uncopied.slots.delete(sceneId);
    uncopied.oldest[slot] = Infinity;
    uncopied.logs[slot] = undefined;
    uncopied.free.push(slot);
  };
  /**
   * Keeps the journal short (decision 0017): rows every log has copied into `events` are cleared
   * (a few thousand a commit at most, oldest first), and a log whose oldest uncopied row has
   * fallen far behind is asked to copy its rows.
   */
  const upkeep = () => {
    // Nothing is cleared before what an earlier run left has moved (see `ready`).
    if (!journaling) return;
    const now = performance.now();
    if (now - lastCheckpointAt >= CHECKPOINT_EVERY_MS) {
      lastCheckpointAt = now;
      checkpointer?.request();
    }
    for (const sceneId of closing) {
      if (logs.get(sceneId)?.idle === false) continue;
      logs.delete(sceneId);
      freeSlot(sceneId);
      closing.delete(sceneId);
    }
    const last = statements.lastJournalSeq.get();
    if (last == null) return;
    let limit = last + 1;
    const { oldest } = uncopied;
    for (let slot = 0; slot < uncopied.used; slot++) {
      const seq = oldest[slot] ?? Infinity;
      if (seq < limit) limit = seq;
      if (seq < last - JOURNAL_LAG_ROWS) uncopied.logs[slot]?.copySoon();
    }
    const first = statements.firstJournalSeq.get();
    if (first == null || first >= limit) return;
    statements.clearJournalBefore.run(Math.min(limit, first + CLEAR_ROWS));
  };
  const commits = createJournal({
    db,
    path,
    schedule: options.scheduleCommit,
    intervalMs: options.commitIntervalMs,
    maxWrites: options.maxWritesPerCommit,
    maxBulkWrites: options.maxBulkWritesPerCommit,
    observe: options.observeCommit,
    upkeep,
    sync: options.walSync ?? walSync(path),
  });
  /** Whether this process journals (it settled what an earlier run left in the journal). */
  let journaling = false;
  /**
   * Checkpoints off the event loop (decision 0019), for a store that journals: the store's own
   * connection stops checkpointing once the thread is ready, and starts again if it fails.
   */
  let checkpointer: Checkpointer | null = null;
  let lastCheckpointAt = -Infinity;
  /**
   * Starting the WAL afresh. SQLite does it at a commit that finds every frame of the WAL copied
   * into the database; a checkpoint copies what was there when it began. Under steady load (a
   * commit every few milliseconds) commits always came while it ran, so the WAL grew without
   * end: 600 MB in a minute at 1,000 scenes. Once it is `WAL_RESET_PAGES` long, the commits wait
   * (`hold`: their writes queue, in order; no stop waits for storage, S1) while the thread copies
   * the last stretch, then the next commit starts the WAL from its beginning.
   */
  const walResetPages = options.walResetPages ?? WAL_RESET_PAGES;
  const reset = { holding: false, timer: undefined as NodeJS.Timeout | undefined, notBefore: 0 };
  const endHold = (gaveUp: boolean) => {
    if (!reset.holding) return;
    reset.holding = false;
    clearTimeout(reset.timer);
    // A thread that could not catch up in time (a reader on the WAL?) is given a rest.
    if (gaveUp) reset.notBefore = performance.now() + WAL_RESET_RETRY_MS;
    commits.release();
  };
  const checkpointed = (result: CheckpointResult) => {
    options.observeCheckpoint?.(result);
    const caughtUp = result.busy === 0 && result.checkpointed >= result.log;
    if (reset.holding) {
      if (caughtUp) endHold(false);
      else checkpointer?.request();
      return;
    }
    // A checkpoint reports the WAL as it was when it began: commits during it are not counted,
    // so "all copied" is no sign the WAL can start afresh. Its length is.
    if (result.log < walResetPages || performance.now() < reset.notBefore) return;
    reset.holding = true;
    commits.hold();
    reset.timer = setTimeout(() => {
      endHold(true);
    }, WAL_RESET_HOLD_MS);
    reset.timer.unref();
    checkpointer?.request();
  };
  const startCheckpoints = () => {
    const fallBack = (error: unknown) => {
      endHold(false);
      checkpointer = null;
      if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
      options.report?.(
        `${(error as Error).message}; the store checkpoints on its own connection again`,
      );
    };
    try {
      checkpointer = (options.startCheckpoints ?? startCheckpointer)({
        path,
        passphrase: options.passphrase,
        onReady: () => {
          if (db.open) db.pragma('wal_autocheckpoint = 0');
        },
        onFailure: fallBack,
        onCheckpoint: checkpointed,
      });
    } catch (error) {
      // No thread to be had: the store's own connection keeps checkpointing, as it always did.
      // (Never a reason to refuse the write that asked for the journal.)
      fallBack(
        new Error(`could not start the store's checkpoint thread: ${(error as Error).message}`),
      );
    }
  };
  /** Copies every journal row not in `events` yet, then empties the journal. */
  const settleJournal = db.transaction(() => {
    statements.settleJournal.run();
    statements.clearJournal.run();
  });
  /**
   * Before this process stages its first write of any kind: a run that ended without closing (a
   * crash) may have left rows in the journal, and they move to `events` first, so the upkeep may
   * clear whatever it finds copied. Only a process that stages does this: a reader (the CLI)
   * never writes to a server's journal.
   */
  const ready = () => {
    if (journaling) return;
    attempt('ready the journal', () => {
      settleJournal.immediate();
    });
    journaling = true;
    startCheckpoints();
  };
  const journal: Journal = {
    add(write) {
      try {
        ready();
      } catch (error) {
        // Not staged: the writer hears it as it would a failed commit (never a throw here).
        queueMicrotask(() => {
          write.done(error as StoreError, false);
        });
        return;
      }
      commits.add(write);
    },
    commitNow: () => {
      commits.commitNow();
    },
    get staged() {
      return commits.staged;
    },
  };
  const context: LogContext = {
    path,
    statements,
    codec: jsonEventCodec,
    isOpen: () => db.open,
    journal,
  };

  /** Runs one operation; a failure comes out as a StoreError saying what could not be done. */
  function attempt<T>(what: string, run: () => T, plain: Record<string, string> = {}): T {
    if (!db.open) throw new StoreError(`could not ${what}: the store at ${path} is closed`);
    try {
      return run();
    } catch (error) {
      const code = sqliteCode(error);
      const reason = (code === undefined ? undefined : plain[code]) ?? reasonOf(error);
      throw new StoreError(`could not ${what}: ${reason}`, { cause: error });
    }
  }
  const missing = (sceneId: string) => `scene "${sceneId}" is not in the store`;
  const noScene = (sceneId: string) => ({ SQLITE_CONSTRAINT_FOREIGNKEY: missing(sceneId) });

  const insertScene = db.transaction(
    (input: Parameters<Store['createScene']>[0], json: string): void => {
      const { created } = input;
      statements.insertScene.run(
        created.sceneId,
        input.createdWallMs,
        created.agreement.mode,
        agreementHash(created.agreement),
        input.negotiationId ?? null,
      );
      for (const p of input.participants)
        statements.insertParticipant.run(created.sceneId, p.role, p.secretHash);
      statements.insertEvent.run(created.sceneId, 1, created.type, created.at, json);
    },
  );

  const claim = db.transaction((codeHash: string, nowWallMs: number): ClaimResult => {
    const claimed = statements.claimCode.get(nowWallMs, codeHash, nowWallMs);
    if (claimed !== undefined) return { ok: true, sceneId: claimed.scene_id, role: claimed.role };
    const code = statements.code.get(codeHash);
    if (code === undefined) return { ok: false, reason: 'unknown' };
    return { ok: false, reason: code.used_wall_ms === null ? 'expired' : 'used' };
  });

  const negotiations = createNegotiationStore({ db, attempt, codec: jsonRecordCodec });
  const history = createHistoryStore({ db, attempt, journal });
  const debriefs = createDebriefStore({ db, attempt, codec: jsonRecordCodec });

  return {
    path,
    negotiations,
    history,
    debriefs,
    createScene(input) {
      const { sceneId } = input.created;
      // A created event that could not be read back would make the whole scene unreadable.
      const valid = sceneEventSchema.safeParse(input.created);
      if (!valid.success)
        throw new StoreError(`could not create scene "${sceneId}": its created event is invalid`);
      attempt(
        `create scene "${sceneId}"`,
        () => {
          insertScene.immediate(input, context.codec.encode(input.created));
        },
        {
          SQLITE_CONSTRAINT_PRIMARYKEY: `scene "${sceneId}" already exists`,
          SQLITE_CONSTRAINT_UNIQUE: 'a secret is already in use',
        },
      );
    },
    eventLog(sceneId) {
      const known = logs.get(sceneId);
      if (known !== undefined) return known;
      const log = attempt(`open the log of scene "${sceneId}"`, () => {
        if (statements.scene.get(sceneId) === undefined) throw new StoreError(missing(sceneId));
        // Once this process journals, the journal holds rows only of logs it made (what a crash
        // left was moved first): a scene without a log here has none there, and its count needs
        // no pass over the journal.
        const count = journaling
          ? (statements.eventCountStored.get(sceneId) ?? 0)
          : (statements.eventCount.get(sceneId, sceneId) ?? 0);
        const slot = takeSlot(sceneId);
        const made: StoredEventLog = createStoredEventLog(context, sceneId, count, (seq) => {
          // A log the store has forgotten no longer speaks for its old slot.
          if (uncopied.logs[slot] === made) uncopied.oldest[slot] = seq ?? Infinity;
        });
        uncopied.logs[slot] = made;
        return made;
      });
      logs.set(sceneId, log);
      return log;
    },
    events: (sceneId) => attempt(`read scene "${sceneId}"`, () => readEvents(context, sceneId)),
    scenes: () =>
      attempt('list scenes', () => {
        const journaled = new Map(statements.journalCounts.all().map((r) => [r.scene_id, r.n]));
        return statements.scenes.all().map((r) => {
          const row = sceneRow(r);
          const inJournal = journaled.get(row.sceneId) ?? 0;
          return inJournal > row.eventCount ? { ...row, eventCount: inJournal } : row;
        });
      }),
    scene(sceneId) {
      const row = attempt(`read scene "${sceneId}"`, () => {
        const found = statements.scene.get(sceneId);
        if (found === undefined) return undefined;
        return { ...found, event_count: statements.eventCount.get(sceneId, sceneId) ?? 0 };
      });
      return row === undefined ? null : sceneRow(row);
    },
    setStatus(sceneId, status) {
      attempt(`mark scene "${sceneId}" ${status}`, () => {
        if (statements.setStatus.run(status, sceneId).changes === 0)
          throw new StoreError(missing(sceneId));
      });
    },
    stageStatus(sceneId, status, failed) {
      journal.add({
        run: () => {
          statements.setStatus.run(status, sceneId);
        },
        done: (error) => {
          if (error !== null)
            failed(new StoreError(`could not mark scene "${sceneId}" ${status}: ${error.message}`));
          // Closed, its last events move to `events` in the next commit, and then its log goes.
          else if (status === 'closed') {
            logs.get(sceneId)?.copySoon();
            closing.add(sceneId);
          }
        },
      });
    },
    participant(sceneId, secretHash) {
      const row = attempt(`look up a participant of scene "${sceneId}"`, () =>
        statements.participant.get(sceneId, secretHash),
      );
      return row === undefined ? null : { role: row.role, lastSeq: row.last_seq };
    },
    setParticipant(sceneId, role, secretHash) {
      attempt(
        `set the ${role}'s secret in scene "${sceneId}"`,
        () => statements.setParticipant.run(sceneId, role, secretHash),
        { ...noScene(sceneId), SQLITE_CONSTRAINT_UNIQUE: 'that secret is already in use' },
      );
    },
    setLastSeq(sceneId, role, seq) {
      attempt(`record the ${role}'s sequence number in scene "${sceneId}"`, () => {
        if (statements.raiseLastSeq.run(seq, sceneId, role).changes === 0)
          throw new StoreError(`scene "${sceneId}" has no ${role}`);
      });
    },
    stageLastSeq(sceneId, role, seq, failed) {
      journal.add({
        run: () => {
          statements.raiseLastSeq.run(seq, sceneId, role);
        },
        done: (error) => {
          if (error !== null)
            failed(
              new StoreError(
                `could not record the ${role}'s sequence number in scene "${sceneId}": ${error.message}`,
              ),
            );
        },
      });
    },
    commitNow: () => {
      journal.commitNow();
      commits.syncNow();
    },
    addPairingCode(input) {
      attempt(
        `add a pairing code to scene "${input.sceneId}"`,
        () =>
          statements.insertCode.run(input.codeHash, input.sceneId, input.role, input.expiresWallMs),
        { ...noScene(input.sceneId), SQLITE_CONSTRAINT_PRIMARYKEY: 'that code is already in use' },
      );
    },
    pairingCodeScene: (codeHash) =>
      attempt('read a pairing code', () => statements.code.get(codeHash)?.scene_id ?? null),
    claimPairingCode: (codeHash, nowWallMs) =>
      attempt('claim a pairing code', () => claim.immediate(codeHash, nowWallMs)),
    close() {
      if (!db.open) return;
      clearTimeout(reset.timer);
      try {
        journal.commitNow();
        // What this process journaled moves to `events` now, leaving the journal empty. If it
        // cannot (a full disk), the rows stay in the journal, stored, and move on the next start.
        if (journaling) settleJournal.immediate();
      } catch {
        // Nothing is lost: see above. Closing must still close.
      } finally {
        // Every commit synced and its writers told, before the file goes.
        try {
          commits.close();
        } finally {
          checkpointer?.close();
          db.close();
        }
      }
    },
  };
}
