import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SceneEvent } from '../../core';
import { expectCoverage, params } from '../../../test/support/property';
import { COPY_RUN } from './scene-log';
import { openStore, StoreError, type Store, type StoreConnection } from './store';
import { jsonEventCodec } from './event-codec';
import { addScene, startAndRaise, useTempStores, withTempDir } from './temp-store.test-support';

const tick = (at: number): SceneEvent => ({ type: 'tick', at });
const play: SceneEvent[] = [...startAndRaise, tick(30)];

type CommittingStore = Readonly<{
  store: Store;
  /**
   * Runs the group commit the store asked for, then (unless syncs are held) ends the WAL sync it
   * started; false when it asked for no commit.
   */
  commit: () => boolean;
  /** Runs commits until none is asked for (a commit may ask for another: a copy run). */
  drain: (after?: () => void) => void;
  /** Ends the oldest WAL sync under way (held syncs only), with an error or without; false if none. */
  endSync: (error?: Error) => boolean;
}>;

/**
 * A store whose group commits run only when the test says so: the store hands its commit to
 * `scheduleCommit`, which keeps it instead of running it once the process yields. Its WAL syncs
 * (decision 0019) end with the commit that started them, or, with `holdSyncs`, when the test
 * calls `endSync`.
 */
function openCommitting(
  path: string,
  options: Pick<
    Parameters<typeof openStore>[0],
    'faultHook' | 'observeCommit' | 'maxWritesPerCommit' | 'maxBulkWritesPerCommit'
  > & {
    holdSyncs?: boolean;
  } = {},
): CommittingStore {
  const { holdSyncs = false, ...storeOptions } = options;
  const asked: (() => void)[] = [];
  const syncs: ((error: Error | null) => void)[] = [];
  const store = openStore({
    path,
    ...storeOptions,
    scheduleCommit: (commit) => {
      asked.push(commit);
    },
    walSync: {
      sync: (done) => {
        syncs.push(done);
      },
      syncNow: () => {
        // Closing: the store's own FULL writes have synced the WAL already.
      },
      close: () => {
        // Nothing open.
      },
    },
    // No checkpoint thread (checkpointer.test.ts has its own): a thread still opening the file
    // as a property run removes its folder made the removal fail now and then (ENOTEMPTY). The
    // store's own connection checkpoints, as it does when the thread cannot start.
    startCheckpoints: () => ({
      request: () => undefined,
      close: () => undefined,
    }),
  });
  const endSync = (error?: Error) => {
    const next = syncs.shift();
    next?.(error ?? null);
    return next !== undefined;
  };
  const commit = () => {
    const next = asked.shift();
    next?.();
    if (!holdSyncs) while (endSync());
    return next !== undefined;
  };
  return {
    store,
    commit,
    drain(after) {
      while (commit()) after?.();
    },
    endSync,
  };
}

/** Reads the file through a connection of its own, read-only: what is on disk for anyone else. */
function onDisk<T>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<unknown[], T>(sql).all(...params);
  } finally {
    db.close();
  }
}

/** `[scene, n]` of every journal row, oldest first. */
const journalRows = (path: string) =>
  onDisk<{ scene_id: string; n: number }>(
    path,
    'SELECT scene_id, n FROM event_journal ORDER BY seq',
  ).map((r) => [r.scene_id, r.n]);

/** The event numbers a scene has in `events` (the clustered table), in order. */
const inEvents = (path: string, sceneId: string) =>
  onDisk<{ n: number }>(path, 'SELECT n FROM events WHERE scene_id = ? ORDER BY n', sceneId).map(
    (r) => r.n,
  );

const upTo = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('group commit through the store', () => {
  const stores = useTempStores();
  const opened: Store[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });
  const open = (options?: Parameters<typeof openCommitting>[1]) => {
    const committing = openCommitting(stores.path(), options);
    opened.push(committing.store);
    return committing;
  };

  it('[S1] [S7] takes at most maxWritesPerCommit writes a commit, in order, the rest in the next; commitNow takes all', () => {
    const { store, commit } = open({ maxWritesPerCommit: 100 });
    const created = addScene(store, 'a');
    const log = store.eventLog('a');
    const events = Array.from({ length: 250 }, (_, i) => tick(i + 1));
    for (const event of events) log.stage(event);
    const heard: (Error | null)[] = [];
    log.settled((error) => heard.push(error));
    const readBack = () => {
      const read = store.events('a');
      return read.ok ? read.value : [];
    };
    // Between two commits the event loop has its turn (a red gets in): none holds them all.
    expect(commit()).toBe(true);
    expect(readBack()).toEqual([created, ...events.slice(0, 100)]);
    expect(heard).toEqual([]);
    expect(commit()).toBe(true);
    expect(readBack()).toEqual([created, ...events.slice(0, 200)]);
    expect(commit()).toBe(true);
    expect(readBack()).toEqual([created, ...events]);
    expect(heard).toEqual([null]);
    expect(commit()).toBe(false);

    const more = Array.from({ length: 250 }, (_, i) => tick(i + 251));
    for (const event of more) log.stage(event);
    store.commitNow();
    expect(readBack()).toEqual([created, ...events, ...more]);

    // A backlog larger than four commits' share drains a quarter at a time: it cannot outgrow
    // the commits under load.
    const backlog = Array.from({ length: 2000 }, (_, i) => tick(i + 501));
    for (const event of backlog) log.stage(event);
    // (The store may stage a write of its own beside them: hence "at least".)
    expect(commit()).toBe(true);
    const first = readBack().length - 501;
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThan(2000);
    expect(commit()).toBe(true);
    expect(readBack().length - 501 - first).toBeGreaterThanOrEqual(Math.ceil((2000 - first) / 4));
  });

  it('[S1] takes at most maxBulkWritesPerCommit bulk writes a commit, oldest first, never holding other writes behind them', () => {
    const { store, commit } = open({ maxBulkWritesPerCommit: 2, maxWritesPerCommit: 1000 });
    const scenes = ['a', 'b', 'c', 'd', 'e'];
    for (const sceneId of scenes) addScene(store, sceneId);
    const failed: Error[] = [];
    // One run of readings per scene (bulk), then an event (not bulk) staged after all of them.
    for (const [i, sceneId] of scenes.entries())
      store.history.stageReadings(
        [{ sceneId, reading: { at: 10 + i, kind: 'pressure', value: 600 + i } }],
        (error) => failed.push(error),
      );
    const log = store.eventLog('c');
    log.stage(tick(1));
    const stored = () => scenes.filter((sceneId) => store.history.readings(sceneId).length > 0);
    const events = () => {
      const read = store.events('c');
      return read.ok ? read.value.length : 0;
    };
    // A commit is in the way of a red: it takes the event, and only two of the five runs.
    expect(commit()).toBe(true);
    expect(events()).toBe(2);
    expect(stored()).toEqual(['a', 'b']);
    expect(commit()).toBe(true);
    expect(stored()).toEqual(['a', 'b', 'c', 'd']);
    expect(commit()).toBe(true);
    expect(stored()).toEqual(scenes);
    expect(commit()).toBe(false);
    expect(failed).toEqual([]);

    // commitNow (a write that must follow, closing) takes every bulk write at once.
    for (const sceneId of scenes)
      store.history.stageReadings(
        [{ sceneId, reading: { at: 100, kind: 'heart-rate', value: 80 } }],
        (error) => failed.push(error),
      );
    store.commitNow();
    expect(scenes.map((sceneId) => store.history.readings(sceneId).length)).toEqual([
      2, 2, 2, 2, 2,
    ]);

    // Copy runs are bulk too: three scenes fill a run each in one commit, and ask for their copies.
    const filled = ['a', 'b', 'd'];
    for (const sceneId of filled) {
      const filling = store.eventLog(sceneId);
      for (let at = 1; at <= COPY_RUN; at++) filling.stage(tick(at));
    }
    expect(commit()).toBe(true);
    const copied = () => filled.filter((sceneId) => inEvents(store.path, sceneId).length > 1);
    expect(copied()).toEqual([]);
    expect(commit()).toBe(true);
    expect(copied()).toEqual(['a', 'b']);
    expect(commit()).toBe(true);
    expect(copied()).toEqual(filled);
    expect(failed).toEqual([]);
  });

  it('[S7] keeps staged events off the disk until their commit, then settles them with null', () => {
    const { store, commit } = open();
    const created = addScene(store, 'a');
    const log = store.eventLog('a');
    for (const event of play) log.stage(event);
    const heard: (Error | null)[] = [];
    log.settled((error) => heard.push(error));

    expect(log.count).toBe(1 + play.length);
    expect(heard).toEqual([]);
    expect(journalRows(store.path)).toEqual([]);
    expect(inEvents(store.path, 'a')).toEqual([1]);
    expect(store.events('a')).toEqual({ ok: true, value: [created] });

    expect(commit()).toBe(true);
    expect(heard).toEqual([null]);
    expect(journalRows(store.path)).toEqual([
      ['a', 2],
      ['a', 3],
      ['a', 4],
    ]);
    expect(store.events('a')).toEqual({ ok: true, value: [created, ...play] });
    const other = openStore({ path: store.path });
    try {
      expect(other.events('a')).toEqual({ ok: true, value: [created, ...play] });
    } finally {
      other.close();
    }
    // Nothing waits any more: `settled` answers at once.
    log.settled((error) => heard.push(error));
    expect(heard).toEqual([null, null]);
  });

  it('holds every scene’s staged events in one commit, in the order they were staged', () => {
    const observed: number[] = [];
    const { store, commit } = open({
      observeCommit: (writes) => {
        observed.push(writes);
      },
    });
    for (const id of ['a', 'b', 'c']) addScene(store, id);
    const heard: string[] = [];
    store.eventLog('a').stage(tick(1));
    store.eventLog('b').stage(tick(2));
    store.eventLog('c').stage(tick(3));
    store.eventLog('a').stage(tick(4));
    store.eventLog('c').stage(tick(5));
    for (const id of ['a', 'b', 'c'])
      store.eventLog(id).settled((error) => heard.push(`${id}: ${String(error)}`));

    expect(commit()).toBe(true);
    expect(commit()).toBe(false);
    expect(observed).toEqual([5]);
    // Each scene hears once its last staged event is written.
    expect(heard).toEqual(['b: null', 'a: null', 'c: null']);
    expect(journalRows(store.path)).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 2],
      ['a', 3],
      ['c', 3],
    ]);
    expect(store.events('c')).toMatchObject({ ok: true, value: [{}, tick(3), tick(5)] });
  });

  it('[S7] settles a commit only once a WAL sync that began after it has ended', () => {
    const { store, commit, endSync } = open({ holdSyncs: true });
    addScene(store, 'a');
    const log = store.eventLog('a');
    const heard: string[] = [];
    const settle = (label: string) => {
      log.settled((error) => heard.push(`${label}: ${String(error)}`));
    };
    log.stage(tick(1));
    settle('first');
    commit();
    // Written (another connection reads it) but not yet synced: nobody is told.
    expect(journalRows(store.path)).toEqual([['a', 2]]);
    expect(heard).toEqual([]);

    // A commit while that sync runs is not covered by it: it waits for the next one.
    log.stage(tick(2));
    settle('second');
    commit();
    expect(endSync()).toBe(true);
    expect(heard).toEqual([]);
    expect(endSync()).toBe(true);
    expect(heard).toEqual(['first: null', 'second: null']);
    expect(endSync()).toBe(false);

    // With nothing committed since, no sync is started.
    log.settled((error) => heard.push(`after: ${String(error)}`));
    expect(heard.at(-1)).toBe('after: null');
    expect(endSync()).toBe(false);
  });

  it('[S7] keeps a row waiting for its sync in the journal: the next commit’s upkeep does not clear it', () => {
    const { store, commit, endSync } = open({ holdSyncs: true });
    const [createdA] = ['a', 'b'].map((id) => addScene(store, id));
    store.eventLog('a').stage(tick(1));
    commit();
    // b's commit runs the upkeep, which clears journal rows that every log has copied.
    store.eventLog('b').stage(tick(1));
    commit();
    expect(journalRows(store.path)).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
    while (endSync());
    expect(store.events('a')).toEqual({ ok: true, value: [createdA, tick(1)] });
  });

  it('[S7] tells every writer a failed sync covered: an error, never null', () => {
    const { store, commit, endSync } = open({ holdSyncs: true });
    for (const id of ['a', 'b']) addScene(store, id);
    const [a, b] = ['a', 'b'].map((id) => store.eventLog(id));
    if (a === undefined || b === undefined) throw new Error('two logs');
    const heard: (Error | null)[] = [];
    a.stage(tick(1));
    b.stage(tick(1));
    a.settled((error) => heard.push(error));
    b.settled((error) => heard.push(error));
    commit();
    expect(endSync(new Error('EIO: i/o error, fsync'))).toBe(true);
    const failure = `could not make sure the writes to ${store.path} are on disk: EIO: i/o error, fsync`;
    expect(heard).toEqual([
      new StoreError(`could not store event 2 of scene "a": ${failure}`),
      new StoreError(`could not store event 2 of scene "b": ${failure}`),
    ]);
    // Such a log takes nothing more: whatever it holds is on disk or lost, never acknowledged.
    expect(() => {
      a.stage(tick(2));
    }).toThrow(StoreError);
    // Its rows are in the file, so the journal keeps them (whole, for a later start to read).
    addScene(store, 'c');
    store.eventLog('c').stage(tick(1));
    commit();
    expect(endSync()).toBe(true);
    expect(journalRows(store.path)).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 2],
    ]);
  });

  it('[S7] settles what waits for a sync when the store closes', () => {
    const { store, commit } = open({ holdSyncs: true });
    addScene(store, 'a');
    const log = store.eventLog('a');
    const heard: (Error | null)[] = [];
    log.stage(tick(1));
    log.settled((error) => heard.push(error));
    commit();
    expect(heard).toEqual([]);
    store.close();
    expect(heard).toEqual([null]);
    expect(inEvents(store.path, 'a')).toEqual([1, 2]);
  });

  it('[S7] rolls a failed commit back whole: its scenes hear the error and take nothing more', () => {
    let connection: StoreConnection | undefined;
    const { store, commit } = open({
      faultHook: (db) => {
        connection = db;
      },
    });
    const [createdA] = ['a', 'b', 'c'].map((id) => addScene(store, id));
    const [a, b, c] = ['a', 'b', 'c'].map((id) => store.eventLog(id));
    if (connection === undefined || a === undefined || b === undefined || c === undefined)
      throw new Error('the store’s connection and three logs');
    for (const log of [a, b, c]) log.stage(tick(1));
    commit();
    // The store's own connection refuses scene b's journal rows, as a failing disk would refuse
    // a write mid-batch: scene a's row before it was written, and must not stay.
    connection.exec(
      `CREATE TEMP TRIGGER refuse BEFORE INSERT ON event_journal WHEN NEW.scene_id = 'b'
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    a.stage(tick(2));
    b.stage(tick(2));
    a.stage(tick(3));
    const heard = {
      a: [] as (Error | null)[],
      b: [] as (Error | null)[],
      c: [] as (Error | null)[],
    };
    a.settled((error) => heard.a.push(error));
    b.settled((error) => heard.b.push(error));
    c.settled((error) => heard.c.push(error));

    commit();
    const failure = `could not store in ${store.path}: disk full`;
    expect(heard).toEqual({
      a: [new StoreError(`could not store event 3 of scene "a": ${failure}`)],
      b: [new StoreError(`could not store event 3 of scene "b": ${failure}`)],
      c: [null],
    });
    expect(heard.a[0]).toBeInstanceOf(StoreError);

    // The disk works again; the failed logs still refuse, so they can never have a gap.
    connection.exec('DROP TRIGGER temp.refuse');
    for (const [id, log] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const refusal = new StoreError(
        `could not store event 3 of scene "${id}": event 3 of scene "${id}" could not be ` +
          'stored, so nothing later is stored either (the log would have a gap)',
      );
      expect(() => {
        log.stage(tick(4));
      }).toThrow(refusal);
      expect(() => {
        log.append(tick(4));
      }).toThrow(refusal);
      expect(log.count).toBe(2);
    }
    expect(journalRows(store.path)).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 2],
    ]);
    expect(store.events('a')).toEqual({ ok: true, value: [createdA, tick(1)] });

    // The scene with nothing in the failed batch goes on.
    c.stage(tick(5));
    c.settled((error) => heard.c.push(error));
    commit();
    expect(heard.c).toEqual([null, null]);
    expect(store.events('c')).toMatchObject({ ok: true, value: [{}, tick(1), tick(5)] });
  });

  it('reads what a crashed run left in the journal, and moves it once this process stages', () => {
    const path = stores.path();
    const first = openStore({ path });
    const created = addScene(first, 'a');
    first.eventLog('a').append(tick(1));
    first.close();
    // As a run that ended without closing leaves them: stored, never copied into `events`.
    const left = [tick(2), tick(3), tick(4)];
    const db = new Database(path);
    const insert = db.prepare(
      'INSERT INTO event_journal (scene_id, n, type, at, json) VALUES (?, ?, ?, ?, ?)',
    );
    left.forEach((event, i) =>
      insert.run('a', i + 3, event.type, event.at, jsonEventCodec.encode(event)),
    );
    db.close();

    const { store, commit } = open();
    expect(store.events('a')).toEqual({ ok: true, value: [created, tick(1), ...left] });
    expect(store.scene('a')?.eventCount).toBe(5);
    // A reader leaves the journal as it found it.
    expect(journalRows(path)).toEqual([
      ['a', 3],
      ['a', 4],
      ['a', 5],
    ]);

    const log = store.eventLog('a');
    expect(log.count).toBe(5);
    log.stage(tick(5));
    commit();
    expect(inEvents(path, 'a')).toEqual(upTo(5));
    expect(journalRows(path)).toEqual([['a', 6]]);
    expect(store.events('a')).toEqual({ ok: true, value: [created, tick(1), ...left, tick(5)] });
  });

  it('[S7] keeps what a crashed run left when the first write of this process is not an event', () => {
    const path = stores.path();
    const first = openStore({ path });
    const created = addScene(first, 'a');
    addScene(first, 'b');
    first.close();
    const db = new Database(path);
    db.prepare(
      'INSERT INTO event_journal (scene_id, n, type, at, json) VALUES (?, ?, ?, ?, ?)',
    ).run('a', 2, 'tick', 5, jsonEventCodec.encode(tick(5)));
    db.close();

    const { store, commit } = open();
    // A frame number and a status, no event: the journal's upkeep must not clear the leftover.
    store.stageLastSeq('b', 'dominant', 3, () => undefined);
    store.stageStatus('b', 'closed', () => undefined);
    commit();
    commit();
    expect(store.events('a')).toEqual({ ok: true, value: [created, tick(5)] });
    expect(inEvents(path, 'a')).toEqual(upTo(2));
  });

  it('[S7] fails the commit of a copy run that finds a journal row missing, and clears nothing', () => {
    let connection: StoreConnection | undefined;
    const { store, commit } = open({
      faultHook: (db) => {
        connection = db;
      },
    });
    addScene(store, 'a');
    const log = store.eventLog('a');
    if (connection === undefined) throw new Error('the store’s connection');
    // A run's worth of events, each in a commit of its own: the last one's commit asks for the copy.
    for (let at = 1; at <= COPY_RUN; at++) {
      log.stage(tick(at));
      commit();
    }
    expect(inEvents(store.path, 'a')).toEqual([1]);
    // Something else removed one of them from the journal: a broken journal, not a short run.
    connection.exec("DELETE FROM event_journal WHERE scene_id = 'a' AND n = 5");
    log.stage(tick(COPY_RUN + 1));
    const heard: (Error | null)[] = [];
    log.settled((error) => heard.push(error));
    commit();
    // The copy run goes after the commit's other writes, so it takes the new event too.
    const reason = `could not copy ${COPY_RUN + 1} events of scene "a": ${COPY_RUN} found`;
    expect(heard).toEqual([
      new StoreError(`could not store event ${COPY_RUN + 2} of scene "a": ${reason}`),
    ]);
    // Rolled back whole: nothing was copied, and the journal lost nothing more.
    expect(inEvents(store.path, 'a')).toEqual([1]);
    expect(journalRows(store.path)).toHaveLength(COPY_RUN - 1);
  });

  it('forgets a closed scene’s log once its last rows are copied, and counts on from the store', () => {
    const { store, commit } = open();
    addScene(store, 'a');
    addScene(store, 'b');
    const a = store.eventLog('a');
    a.stage(tick(1));
    a.stage(tick(2));
    store.eventLog('b').stage(tick(1));
    commit();
    expect(store.eventLog('a')).toBe(a);
    store.stageStatus('a', 'closed', (error) => {
      throw error;
    });
    store.eventLog('b').stage(tick(2));
    commit(); // the status; asks for the copy
    commit(); // the copy
    expect(store.eventLog('a')).toBe(a);
    store.eventLog('b').stage(tick(3));
    commit(); // its upkeep sees the closed log idle
    expect(inEvents(store.path, 'a')).toEqual(upTo(3));
    const again = store.eventLog('a');
    expect(again).not.toBe(a);
    expect(again.count).toBe(3);
    // The open scene keeps its log.
    const b = store.eventLog('b');
    expect(b.count).toBe(4);
    b.stage(tick(4));
    commit();
    expect(store.eventLog('b')).toBe(b);
  });

  it('[S7] keeps a forgotten log from moving the journal limit of the scene that took its place', () => {
    const { store, commit, drain } = open();
    addScene(store, 'a');
    const stale = store.eventLog('a');
    stale.stage(tick(1));
    commit();
    store.stageStatus('a', 'closed', (error) => {
      throw error;
    });
    drain();
    // Copied and idle: the next commit's upkeep forgets the log, and the next log made takes its
    // place.
    store.stageLastSeq('a', 'dominant', 1, (error) => {
      throw error;
    });
    commit();
    const createdB = addScene(store, 'b');
    const b = store.eventLog('b');
    const events = upTo(5).map((at) => tick(at));
    for (const event of events) b.stage(event);
    commit();
    // Someone kept the old log and writes through it: its newest row must not become the oldest
    // the new scene has not copied, or the upkeep would clear the new scene's rows uncopied.
    stale.stage(tick(2));
    commit();
    b.stage(tick(6));
    drain();
    const read = store.events('b');
    expect(read.ok && read.value).toEqual([createdB, ...events, tick(6)]);
  });

  it('commits what is staged on close() and moves everything into `events`', () => {
    const { store, commit } = open();
    const createdA = addScene(store, 'a');
    const createdB = addScene(store, 'b');
    store.eventLog('a').stage(tick(1));
    store.eventLog('a').stage(tick(2));
    commit();
    // Committed but not copied (a), and staged but not committed (a, b).
    store.eventLog('a').stage(tick(3));
    store.eventLog('b').stage(tick(4));
    store.eventLog('b').stage(tick(5));
    const heard: (Error | null)[] = [];
    store.eventLog('a').settled((error) => heard.push(error));
    store.eventLog('b').settled((error) => heard.push(error));

    store.close();
    expect(heard).toEqual([null, null]);
    expect(journalRows(store.path)).toEqual([]);
    expect(inEvents(store.path, 'a')).toEqual(upTo(4));
    expect(inEvents(store.path, 'b')).toEqual(upTo(3));
    const reopened = openStore({ path: store.path });
    try {
      expect(reopened.events('a')).toEqual({
        ok: true,
        value: [createdA, tick(1), tick(2), tick(3)],
      });
      expect(reopened.events('b')).toEqual({ ok: true, value: [createdB, tick(4), tick(5)] });
    } finally {
      reopened.close();
    }
  });

  it('keeps the replay guard with the event: in the journal, in `events`, and after a reopen', () => {
    const { store, commit, drain } = open();
    addScene(store, 'a');
    addScene(store, 'b');
    const sub = () => store.participant('a', 'a-sub')?.lastSeq;
    store.eventLog('a').stage(tick(1), { role: 'submissive', seq: 41 });
    expect(sub()).toBe(0);

    commit();
    expect(sub()).toBe(41);
    expect(store.participant('a', 'a-dom')?.lastSeq).toBe(0);
    expect(onDisk(store.path, 'SELECT frame_role, frame_seq FROM event_journal')).toEqual([
      { frame_role: 'submissive', frame_seq: 41 },
    ]);

    // Closing the scene copies its rows into `events`; a later commit clears them from the journal.
    const failed: StoreError[] = [];
    store.stageStatus('a', 'closed', (error) => failed.push(error));
    drain();
    store.eventLog('b').stage(tick(2));
    drain();
    expect(failed).toEqual([]);
    expect(journalRows(store.path)).toEqual([['b', 2]]);
    expect(
      onDisk(
        store.path,
        'SELECT frame_role, frame_seq FROM events WHERE scene_id = ? AND n = 2',
        'a',
      ),
    ).toEqual([{ frame_role: 'submissive', frame_seq: 41 }]);
    expect(sub()).toBe(41);
    // A lower number written for a frame that made no event does not lower it.
    store.setLastSeq('a', 'submissive', 10);
    expect(sub()).toBe(41);

    store.close();
    const reopened = openCommitting(store.path);
    opened.push(reopened.store);
    const again = () => reopened.store.participant('a', 'a-sub')?.lastSeq;
    expect(again()).toBe(41);
    reopened.store.setLastSeq('a', 'submissive', 50);
    expect(again()).toBe(50);
    reopened.store.stageLastSeq('a', 'submissive', 60, (error) => failed.push(error));
    expect(again()).toBe(50);
    reopened.commit();
    expect(again()).toBe(60);
    expect(failed).toEqual([]);
  });
});

describe('copy runs, over random interleavings of staging and commits', () => {
  /** Stage `count` events in one scene, or run the commit the store asked for. */
  const opArb = fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('stage' as const),
        scene: fc.nat(),
        count: fc.integer({ min: 1, max: COPY_RUN }),
      }),
      weight: 3,
    },
    { arbitrary: fc.record({ kind: fc.constant('commit' as const) }), weight: 2 },
  );
  const runArb = fc.record({
    scenes: fc.integer({ min: 1, max: 4 }),
    ops: fc.array(opArb, { minLength: 1, maxLength: 20, size: 'max' }),
    // A commit takes at most this many writes; the rest wait for the next one.
    maxWrites: fc.integer({ min: 1, max: 2 * COPY_RUN }),
  });

  it('[S7] reads every event once, in order, after every commit, and empties the journal', () => {
    const run = params(25);
    let pastACopyRun = 0;
    fc.assert(
      fc.property(runArb, ({ scenes, ops, maxWrites }) => {
        withTempDir((dir) => {
          const path = join(dir, 'redline.sqlite');
          const { store, commit, drain } = openCommitting(path, {
            maxWritesPerCommit: maxWrites,
          });
          try {
            const ids = upTo(scenes).map((i) => `scene-${i}`);
            const staged = new Map(ids.map((id) => [id, [addScene(store, id)] as SceneEvent[]]));
            /** How many of each scene's events the store read back last time. */
            const read = new Map(ids.map((id) => [id, 1]));
            const failures: Error[] = [];
            // A commit takes at most `maxWrites` writes: what reads back is always a prefix of
            // what was staged, in order, never shorter than before; after the last, all of it.
            const readsAsCommitted = (all = false) => {
              for (const id of ids) {
                const events = store.events(id);
                const mine = staged.get(id) ?? [];
                if (!events.ok) throw new Error(events.errors.join('; '));
                expect(events.value).toEqual(mine.slice(0, events.value.length));
                expect(events.value.length).toBeGreaterThanOrEqual(read.get(id) ?? 0);
                if (all) expect(events.value).toHaveLength(mine.length);
                read.set(id, events.value.length);
              }
            };
            const afterCommit = () => {
              readsAsCommitted();
            };
            let at = 0;
            for (const op of ops) {
              if (op.kind === 'commit') {
                if (commit()) afterCommit();
                continue;
              }
              const id = ids[op.scene % ids.length] ?? 'scene-1';
              const log = store.eventLog(id);
              for (let k = 0; k < op.count; k++) {
                const event = tick(++at);
                log.stage(event);
                staged.get(id)?.push(event);
              }
              log.settled((error) => {
                if (error !== null) failures.push(error);
              });
              readsAsCommitted();
            }
            drain(afterCommit);
            // One more commit (it holds no event) runs the upkeep that clears copied rows.
            store.stageLastSeq('scene-1', 'dominant', 1, (error) => failures.push(error));
            drain(afterCommit);
            readsAsCommitted(true);
            expect(failures).toEqual([]);

            for (const id of ids) {
              const total = staged.get(id)?.length ?? 0;
              const copied = inEvents(path, id);
              // A prefix of the log, with at most one run's worth still waiting in the journal.
              expect(copied).toEqual(upTo(copied.length));
              expect(copied.length).toBeGreaterThan(total - COPY_RUN);
              if (total - 1 >= COPY_RUN) pastACopyRun += 1;
            }
            // Copied rows are cleared oldest first, up to the first row not yet copied.
            const oldest = journalRows(path)[0];
            if (oldest !== undefined) {
              const [id, n] = oldest as [string, number];
              expect(inEvents(path, id)).not.toContain(n);
            }
          } finally {
            store.close();
          }
        });
      }),
      run,
    );
    expectCoverage('a scene past one copy run', pastACopyRun, run, 0.5);
  });
});
