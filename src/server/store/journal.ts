import type Database from 'better-sqlite3-multiple-ciphers';
import { reasonOf, StoreError } from './store-error';

/** One write waiting for the next commit, and who hears how it went. */
export type StagedWrite = Readonly<{
  /** Runs inside the batch's transaction; throws if SQLite refuses it. */
  run(): void;
  /** After the commit: null once it is on disk, or the error that rolled the batch back. */
  done(error: StoreError | null): void;
}>;

export type Journal = {
  /** Adds a write to the open batch, which commits once the process yields (writes in order). */
  add(write: StagedWrite): void;
  /** Commits the open batch now (before closing the store, or a synchronous write that must follow it). */
  commitNow(): void;
  /** Writes waiting for the next commit. */
  readonly staged: number;
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
  /** Told each commit's size and duration (the load benchmark's figures). */
  observe?: ((writes: number, ms: number) => void) | undefined;
  /** Runs first inside each commit's transaction: the store's upkeep (clearing copied rows). */
  upkeep?: () => void;
}>;

/**
 * Group commit (decision 0017): the writes every live scene stages in one turn of the event loop
 * go to disk in one transaction, so one sync covers them all instead of one sync per event. A
 * scene acknowledges nothing until its writes' `done` said they are on disk (S7). A batch that
 * fails is rolled back whole, and every writer in it hears the error.
 */
export function createJournal(options: JournalOptions): Journal {
  const { db, path } = options;
  const schedule =
    options.schedule ??
    ((commit: () => void, afterMs: number) => {
      if (afterMs <= 0) setImmediate(commit);
      else setTimeout(commit, afterMs);
    });
  const intervalMs = options.intervalMs ?? 0;
  let batch: StagedWrite[] = [];
  let scheduled = false;
  let lastStart = -Infinity;
  const write = db.transaction((writes: readonly StagedWrite[]) => {
    options.upkeep?.();
    for (const w of writes) w.run();
  });

  const commit = () => {
    scheduled = false;
    if (batch.length === 0) return;
    const writes = batch;
    batch = [];
    let failure: StoreError | null = null;
    const from = performance.now();
    lastStart = from;
    try {
      if (!db.open) throw new StoreError(`the store at ${path} is closed`);
      // IMMEDIATE: the write lock is taken (or waited for) before the first row, not mid-batch.
      write.immediate(writes);
    } catch (error) {
      failure =
        error instanceof StoreError
          ? error
          : new StoreError(`could not store in ${path}: ${reasonOf(error)}`, { cause: error });
    }
    options.observe?.(writes.length, performance.now() - from);
    // Every writer hears, even if one of them throws (that error is thrown afterwards).
    let thrown: { error: unknown } | null = null;
    for (const w of writes) {
      try {
        w.done(failure);
      } catch (error) {
        thrown ??= { error };
      }
    }
    if (thrown !== null) throw thrown.error;
  };

  return {
    add(w) {
      batch.push(w);
      if (scheduled) return;
      scheduled = true;
      schedule(commit, lastStart + intervalMs - performance.now());
    },
    commitNow: commit,
    get staged() {
      return batch.length;
    },
  };
}
