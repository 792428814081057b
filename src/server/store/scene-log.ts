import { isDeepStrictEqual } from 'node:util';
import { parseWith, sceneEventSchema, type Result, type SceneEvent } from '../../core';
import type { EventLog, FrameOrigin } from '../event-log';
import type { EventCodec } from './event-codec';
import type { Journal, StagedWrite } from './journal';
import type { Statements } from './statements';
import { reasonOf, StoreError } from './store-error';

export type StoredEventLog = EventLog & {
  /** Events given to the log so far (stored, or staged for the next commit). */
  readonly count: number;
  /**
   * Adds the event to the store's next group commit (decision 0017): it is on disk once `settled`
   * says so. Throws, like `append`, when the log cannot take it (closed, or after a failure).
   */
  stage(event: SceneEvent, frame?: FrameOrigin): void;
  /**
   * Calls `done` once every event staged so far is on disk (null), or with the error that kept
   * them from it; at once when none is waiting.
   */
  settled(done: (error: StoreError | null) => void): void;
  /** Nothing staged, nothing left in the journal to copy: the store may forget it once closed. */
  readonly idle: boolean;
  /** Copies the journal rows of this scene's staged events into `events`, in the next commit. */
  copySoon(): void;
};

/**
 * A scene's journal rows move to `events` in runs of this many (decision 0017): a run fills a
 * page or a few of `events`, where one event at a time would touch a page each.
 */
export const COPY_RUN = 128;

/** What a staged row asks of its log: to be written (in the commit), then settled (after it). */
type RowOwner = Readonly<{
  /** Writes the row into the journal; its number there. */
  write(row: StagedRow): number;
  settle(row: StagedRow, error: StoreError | null, written: boolean): void;
}>;

/**
 * One staged event: its row and its log. One object per event, with its methods on the class,
 * where two closures and a record per event were garbage kept until the commit's sync. Its JSON
 * is let go once written: the row lives on until the sync, and at 1,000 scenes whatever lives
 * that long is copied by a young-generation GC or two.
 */
class StagedRow implements StagedWrite {
  /** Its number in the journal, once written. */
  seq = 0;
  constructor(
    readonly owner: RowOwner,
    readonly n: number,
    readonly type: string,
    readonly at: number,
    public json: string,
    readonly role: FrameOrigin['role'] | null,
    readonly frameSeq: number | null,
  ) {}
  run(): void {
    this.seq = this.owner.write(this);
    this.json = '';
  }
  done(error: StoreError | null, written: boolean): void {
    this.owner.settle(this, error, written);
  }
}

/** What a scene's log needs from the store that holds it. */
export type LogContext = Readonly<{
  path: string;
  statements: Statements;
  codec: EventCodec;
  isOpen: () => boolean;
  /** The store's group commit, shared by every scene's log. */
  journal: Journal;
}>;

/**
 * A scene's log in the store (event number = count + 1). `append` writes one committed row, synced
 * to disk before it returns (S7); `stage` leaves the row to the store's next group commit, and
 * `settled` says when it is on disk (decision 0017). A failed write throws (or, staged, reaches
 * `settled` as its error), and the log then refuses every
 * later event: storing them would leave a gap, and a log with a gap no longer replays to the
 * scene that ran. What is stored stays a true beginning of the scene; the server stops it.
 */
export function createStoredEventLog(
  context: LogContext,
  sceneId: string,
  storedCount: number,
  /** Told whenever the oldest journal row this log has not copied changes (undefined: none). */
  oldestChanged: (oldest: number | undefined) => void = () => undefined,
): StoredEventLog {
  const { path, statements, codec, journal } = context;
  let count = storedCount;
  let failedAt: number | null = null;
  /**
   * Staged events not yet committed, and who waits for them: almost always one (the scene's
   * runtime), kept without an array; any more after it, in order.
   */
  let staged = 0;
  let waiter: ((error: StoreError | null) => void) | null = null;
  let moreWaiters: ((error: StoreError | null) => void)[] | null = null;
  let batchError: StoreError | null = null;
  /** Journal rows (their `seq`) of committed staged events not yet copied into `events`. */
  let uncopied: number[] = [];
  let copying = false;
  const which = (n: number) => `event ${n} of scene "${sceneId}"`;

  const copySoon = () => {
    if (copying || uncopied.length === 0) return;
    copying = true;
    /** How many of the oldest were copied: later events only ever join at the end. */
    let copied = 0;
    journal.add({
      bulk: true,
      run: () => {
        copied = uncopied.length;
        const info = statements.copyJournalRows.run(JSON.stringify(uncopied));
        // Each of them is in the journal until it is copied: fewer means a broken journal.
        if (info.changes !== copied)
          throw new StoreError(
            `could not copy ${copied} events of scene "${sceneId}": ${info.changes} found`,
          );
      },
      done: (error) => {
        copying = false;
        // Failed, they stay in the journal (stored all the same) and are copied on a later try.
        if (error === null) {
          uncopied = uncopied.slice(copied);
          oldestChanged(uncopied[0]);
        }
      },
    });
  };

  /**
   * `createScene` already stored the created event as event 1, and the scene loop appends it
   * again when it starts: the same event is accepted without a second row; any other refused.
   */
  const isStoredCreated = (event: SceneEvent): boolean => {
    const first = statements.event.get(sceneId, 1);
    if (first === undefined) return false;
    try {
      if (isDeepStrictEqual(codec.decode(first.json), event)) return true;
    } catch {
      // An unreadable event 1 is not this event; events() reports it.
    }
    throw new StoreError(
      `scene "${sceneId}" already has its created event (event 1); a different one is refused`,
    );
  };

  /** What this log's staged rows ask of it, in the commit and after its sync. */
  const owner: RowOwner = {
    write(row) {
      const seq = Number(
        statements.insertJournal.run(
          sceneId,
          row.n,
          row.type,
          row.at,
          row.json,
          row.role,
          row.frameSeq,
        ).lastInsertRowid,
      );
      // Counted as uncopied from the moment it is written, not when it is settled (after the
      // WAL sync): the store's upkeep in the next commit must not clear it from the journal.
      uncopied.push(seq);
      if (uncopied.length === 1) oldestChanged(seq);
      return seq;
    },
    settle(row, error, written) {
      staged -= 1;
      if (error === null && uncopied.length >= COPY_RUN) copySoon();
      if (!written) {
        // Rolled back: the number may go to another row. (A row whose sync failed is in the
        // file and stays counted, so the journal keeps it; this log takes nothing more.)
        const at = uncopied.indexOf(row.seq);
        if (at !== -1) uncopied.splice(at, 1);
        if (at === 0) oldestChanged(uncopied[0]);
      }
      if (error !== null && failedAt === null) {
        // The batch was rolled back whole (or its sync failed): the first event of this log
        // it held.
        failedAt = row.n;
        count = row.n - 1;
        batchError = new StoreError(`could not store ${which(row.n)}: ${error.message}`, {
          cause: error,
        });
      }
      if (staged > 0) return;
      const first = waiter;
      const more = moreWaiters;
      const outcome = batchError;
      waiter = null;
      moreWaiters = null;
      batchError = null;
      first?.(outcome);
      if (more !== null) for (const w of more) w(outcome);
    },
  };

  /** Throws if the log cannot take event `n` (closed, or after a failure). */
  const check = (n: number) => {
    if (!context.isOpen())
      throw new StoreError(`could not store ${which(n)}: the store at ${path} is closed`);
    if (failedAt !== null)
      throw new StoreError(
        `could not store ${which(n)}: ${which(failedAt)} could not be stored, so nothing ` +
          `later is stored either (the log would have a gap)`,
      );
  };

  return {
    get count() {
      return count;
    },
    append(event) {
      // Staged events come first: the log's order is the order events were given.
      if (staged > 0) journal.commitNow();
      const n = count + 1;
      check(n);
      if (event.type === 'scene.created' && isStoredCreated(event)) return;
      try {
        statements.insertEvent.run(sceneId, n, event.type, event.at, codec.encode(event));
      } catch (error) {
        failedAt = n;
        throw new StoreError(`could not store ${which(n)} in ${path}: ${reasonOf(error)}`, {
          cause: error,
        });
      }
      count = n;
    },
    stage(event, frame) {
      const n = count + 1;
      check(n);
      if (event.type === 'scene.created' && isStoredCreated(event)) return;
      // Read now: the caller's frame (and the event) need not live until the commit.
      const row = new StagedRow(
        owner,
        n,
        event.type,
        event.at,
        codec.encode(event),
        frame?.role ?? null,
        frame?.seq ?? null,
      );
      count = n;
      staged += 1;
      journal.add(row);
    },
    settled(done) {
      if (staged === 0) done(null);
      else if (waiter === null) waiter = done;
      else (moreWaiters ??= []).push(done);
    },
    get idle() {
      return staged === 0 && uncopied.length === 0 && !copying;
    },
    copySoon,
  };
}

/**
 * Every stored event of a scene, in order, each decoded and validated again: a row changed on
 * disk is reported (naming the scene and event number), never folded.
 */
export function readEvents(
  context: Pick<LogContext, 'statements' | 'codec'>,
  sceneId: string,
): Result<SceneEvent[]> {
  const { statements, codec } = context;
  if (statements.scene.get(sceneId) === undefined)
    return { ok: false, errors: [`scene "${sceneId}" is not in the store`] };
  const events: SceneEvent[] = [];
  const errors: string[] = [];
  statements.events.all(sceneId, sceneId).forEach((row, i) => {
    const where = `scene "${sceneId}", event ${row.n}`;
    if (row.n !== i + 1) errors.push(`${where}: found where event ${i + 1} should be`);
    let decoded: unknown;
    try {
      decoded = codec.decode(row.json);
    } catch (error) {
      errors.push(`${where}: the stored event cannot be read (${reasonOf(error)})`);
      return;
    }
    const parsed = parseWith(sceneEventSchema, decoded);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((e) => `${where}: ${e}`));
      return;
    }
    const event = parsed.value;
    if (event.type !== row.type || event.at !== row.at)
      errors.push(
        `${where}: the row says ${row.type} at ${row.at} but the event is ${event.type} at ${event.at}`,
      );
    if ((i === 0) !== (event.type === 'scene.created'))
      errors.push(`${where}: a scene's log starts with scene.created, and has it only there`);
    else if (event.type === 'scene.created' && event.sceneId !== sceneId)
      errors.push(`${where}: the created event names scene "${event.sceneId}"`);
    events.push(event);
  });
  return errors.length === 0 ? { ok: true, value: events } : { ok: false, errors };
}
