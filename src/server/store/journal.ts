import type Database from 'better-sqlite3-multiple-ciphers';
import { reasonOf, StoreError } from './store-error';
import type { WalSync } from './wal-sync';

/** One write waiting for the next commit, and who hears how it went. */
export type StagedWrite = Readonly<{
  /** Runs inside the batch's transaction; throws if SQLite refuses it. */
  run(): void;
  /**
   * After the commit: null once it is on disk (the WAL synced), or the error that rolled the
   * batch back (told at once, `written` false) or that the sync after it met (`written` true: the
   * rows are in the file, but nobody may be told they are safe).
   */
  done(error: StoreError | null, written: boolean): void;
  /**
   * A write nobody waits for, that may go in a later commit than writes staged after it: a copy
   * run, a run of readings. Each touches a page of its own scene, and they come in waves.
   */
  bulk?: boolean;
}>;

export type Journal = {
  /** Adds a write to the open batch, which commits once the process yields (writes in order). */
  add(write: StagedWrite): void;
  /** Commits the open batch now (before closing the store, or a synchronous write that must follow it). */
  commitNow(): void;
  /** Writes waiting for the next commit. */
  readonly staged: number;
};

/** The journal as its store holds it. */
export type GroupCommit = Journal & {
  /**
   * No scheduled commit runs until `release` (writes wait, in order; `commitNow` still commits):
   * for the checkpoint thread to reach the end of the WAL, so the next commit starts it afresh.
   */
  hold(): void;
  release(): void;
  /**
   * Syncs now, blocking, and tells every committed write waiting for a sync: for shutting down,
   * where the screens must hear the last stop before they are let go.
   */
  syncNow(): void;
  /**
   * Syncs now, blocking, and tells every committed write waiting for a sync (closing the store).
   * Then no more syncs: the WAL file is let go.
   */
  close(): void;
};

export type JournalOptions = Readonly<{
  db: Database.Database;
  path: string;
  /**
   * Runs the commit `afterMs` from now (0: once the process yields). Default: `setImmediate` or
   * `setTimeout`; tests pass their own.
   */
  schedule?: ((commit: () => void, afterMs: number) => void) | undefined;
  /**
   * The least time from the start of one commit to the start of the next (ms, default 0). Longer
   * gathers more writes into each commit (fewer syncs, fewer pages written twice), and delays
   * each acknowledgement by up to as much; a stop never waits for it (S1).
   */
  intervalMs?: number | undefined;
  /**
   * The most writes one scheduled commit takes (default `MAX_WRITES_PER_COMMIT`), or a quarter of
   * what waits if that is more; the rest go in the next, after the event loop had its turn.
   * `commitNow` takes everything.
   */
  maxWrites?: number | undefined;
  /** The most bulk writes one scheduled commit takes (default `BULK_WRITES_PER_COMMIT`). */
  maxBulkWrites?: number | undefined;
  /** Told each commit's size and duration (the load benchmark's figures). */
  observe?: ((writes: number, ms: number) => void) | undefined;
  /** Runs first inside each commit's transaction: the store's upkeep (clearing copied rows). */
  upkeep?: () => void;
  /** Makes commits durable (wal-sync.ts); tests pass their own to say when a sync ends. */
  sync: WalSync;
}>;

/**
 * A commit runs on the event loop: a red arriving meanwhile waits for it. After a stall (a long
 * GC pause, a busy turn) a thousand writes could be waiting, and writing them at once took 10 to
 * 25 ms at 1,000 scenes; 256 at a time (or a quarter of what waits, if more) keeps a commit to a
 * few milliseconds, and the writes keep their order.
 */
export const MAX_WRITES_PER_COMMIT = 256;

/**
 * Bulk writes (copy runs, runs of readings) cost 0.1–1 ms each, where an event's row costs a few
 * µs: each reads and rewrites a page of its own scene. Scenes started together fill their runs
 * together, so they came in waves: at 1,000 scenes a commit with 20–100 of them took 5–10 ms, and
 * those commits were in the way of most reds late by more than 10 ms. A commit takes at most
 * this many, oldest first, and the rest wait for the next; writes that are not bulk never wait
 * behind them. At 1,000 scenes about two a commit fall due.
 */
export const BULK_WRITES_PER_COMMIT = 8;

/**
 * Group commit (decision 0017): the writes every live scene stages in one turn of the event loop
 * go to disk in one transaction, so one sync covers them all instead of one sync per event. A
 * scene acknowledges nothing until its writes' `done` said they are on disk (S7). A batch that
 * fails is rolled back whole, and every writer in it hears the error at once.
 *
 * The sync is off the event loop (decision 0019): a commit writes to the WAL without an fsync
 * (`synchronous = NORMAL`), and one fsync on libuv's thread pool then covers every commit before
 * it. Its writers hear `null` only when that fsync has ended; a commit made meanwhile waits for
 * the next one. Every other write of the store keeps `synchronous = FULL`.
 */
export function createJournal(options: JournalOptions): GroupCommit {
  const { db, path, sync } = options;
  const schedule =
    options.schedule ??
    ((commit: () => void, afterMs: number) => {
      if (afterMs <= 0) setImmediate(commit);
      else setTimeout(commit, afterMs);
    });
  const intervalMs = options.intervalMs ?? 0;
  const maxWrites = options.maxWrites ?? MAX_WRITES_PER_COMMIT;
  const maxBulk = options.maxBulkWrites ?? BULK_WRITES_PER_COMMIT;
  let batch: StagedWrite[] = [];
  /** Bulk writes waiting, oldest first: a commit takes at most `maxBulk` of them. */
  let bulk: StagedWrite[] = [];
  let scheduled = false;
  let lastStart = -Infinity;
  const relaxed = db.prepare('PRAGMA synchronous = NORMAL');
  const full = db.prepare('PRAGMA synchronous = FULL');
  const write = db.transaction((writes: readonly StagedWrite[]) => {
    options.upkeep?.();
    for (const w of writes) w.run();
  });
  /** Committed batches waiting for a sync, oldest first, each with its number. */
  const unsynced: { commit: number; writes: StagedWrite[] }[] = [];
  let committed = 0;
  let syncing = false;
  let closed = false;

  /** Tells every writer of `writes`; one that throws does not keep the others from hearing. */
  const tell = (
    writes: readonly StagedWrite[],
    outcome: StoreError | null,
    written: boolean,
    thrown: unknown[],
  ) => {
    for (const w of writes) {
      try {
        w.done(outcome, written);
      } catch (error) {
        thrown.push(error);
      }
    }
  };
  /** Tells the writers of every commit up to `upTo` how the sync that covered them went. */
  const synced = (upTo: number, error: Error | null) => {
    const outcome =
      error === null
        ? null
        : new StoreError(
            `could not make sure the writes to ${path} are on disk: ${reasonOf(error)}`,
            {
              cause: error,
            },
          );
    const thrown: unknown[] = [];
    while (unsynced[0] !== undefined && unsynced[0].commit <= upTo)
      tell(unsynced.shift()?.writes ?? [], outcome, true, thrown);
    if (thrown.length > 0) throw thrown[0];
  };
  const startSync = () => {
    if (syncing || closed || unsynced.length === 0) return;
    syncing = true;
    const upTo = committed;
    sync.sync((error) => {
      syncing = false;
      try {
        synced(upTo, error);
      } finally {
        startSync();
      }
    });
  };

  const syncNow = () => {
    if (unsynced.length === 0) return;
    let error: Error | null = null;
    try {
      sync.syncNow();
    } catch (failure) {
      error = failure as Error;
    }
    synced(committed, error);
  };

  /**
   * Commits the oldest `limit` writes waiting (in the order they were added), then the oldest
   * `bulkLimit` bulk writes.
   */
  const commitSome = (limit: number, bulkLimit: number) => {
    if (batch.length === 0 && bulk.length === 0) return;
    let writes = batch.length <= limit ? batch : batch.slice(0, limit);
    batch = writes === batch ? [] : batch.slice(limit);
    if (bulk.length > 0) {
      const taken = bulk.length <= bulkLimit ? bulk : bulk.slice(0, bulkLimit);
      bulk = taken === bulk ? [] : bulk.slice(bulkLimit);
      writes = writes.length === 0 ? taken : writes.concat(taken);
    }
    let failure: StoreError | null = null;
    const from = performance.now();
    lastStart = from;
    try {
      if (!db.open) throw new StoreError(`the store at ${path} is closed`);
      relaxed.run();
      // IMMEDIATE: the write lock is taken (or waited for) before the first row, not mid-batch.
      write.immediate(writes);
    } catch (error) {
      failure =
        error instanceof StoreError
          ? error
          : new StoreError(`could not store in ${path}: ${reasonOf(error)}`, { cause: error });
    }
    // Back to FULL for every other write, whatever became of the batch. (Apart from it, so the
    // batch's outcome is what its writers hear.) Failing that, no write of this store may
    // pretend to be synced: the error ends the process, and the device server stops the toys.
    if (db.open) full.run();
    options.observe?.(writes.length, performance.now() - from);
    if (failure === null) {
      committed += 1;
      unsynced.push({ commit: committed, writes });
      startSync();
      return;
    }
    // Every writer hears, even if one of them throws (that error is thrown afterwards).
    const thrown: unknown[] = [];
    tell(writes, failure, false, thrown);
    if (thrown.length > 0) throw thrown[0];
  };

  let held = false;
  const plan = (afterMs: number) => {
    if (scheduled || held || (batch.length === 0 && bulk.length === 0)) return;
    scheduled = true;
    schedule(scheduledCommit, afterMs);
  };
  /** What the schedule runs: one commit of at most `maxWrites`, and the next planned for the rest. */
  const scheduledCommit = () => {
    scheduled = false;
    if (held) return;
    try {
      // Never less than a quarter of what waits: a fixed share per turn of the event loop let
      // a backlog outgrow it under load (230,000 writes in a soak at 1,000 scenes, and views
      // with check-in prompts late by seconds); a quarter drains any backlog in a few turns.
      commitSome(Math.max(maxWrites, Math.ceil(batch.length / 4)), maxBulk);
    } finally {
      plan(0);
    }
  };
  /** Everything waiting, now, in one commit (closing the store, a write that must follow). */
  const commitNow = () => {
    commitSome(Infinity, Infinity);
  };

  return {
    add(w) {
      if (w.bulk === true) bulk.push(w);
      else batch.push(w);
      plan(lastStart + intervalMs - performance.now());
    },
    commitNow,
    hold() {
      held = true;
    },
    release() {
      if (!held) return;
      held = false;
      plan(0);
    },
    get staged() {
      return batch.length + bulk.length;
    },
    syncNow,
    close() {
      if (closed) return;
      closed = true;
      try {
        syncNow();
      } finally {
        sync.close();
      }
    },
  };
}
