import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { SceneEvent } from '../../core';
import { eventLogContract } from './event-log.contract';
import { openStore, StoreError, type Store } from './store';
import { addScene, startAndRaise, createdAs, useTempStores } from './temp-store.test-support';

const play: SceneEvent[] = [
  ...startAndRaise,
  {
    type: 'limit.lowered',
    at: 25,
    by: 'submissive',
    limit: { kind: 'ramp', fullScaleSeconds: 40 },
  },
  { type: 'tick', at: 30 },
];

const appendAll = (store: Store, sceneId: string, events: readonly SceneEvent[]) => {
  const log = store.eventLog(sceneId);
  for (const event of events) log.append(event);
};

/** Opens a second, raw connection to the store's file: another process, or a bad disk. */
const tamper = (path: string, sql: string) => {
  const db = new Database(path);
  db.exec(sql);
  db.close();
};

describe('a scene’s stored event log', () => {
  const stores = useTempStores();

  it('[S7] gives back every acknowledged event, identical, from a new store on the same file', () => {
    const store = stores.open();
    const created = addScene(store, 'a');
    appendAll(store, 'a', play);
    expect(store.eventLog('a').count).toBe(play.length + 1);
    store.close();

    const reopened = stores.open();
    expect(reopened.events('a')).toEqual({ ok: true, value: [created, ...play] });
    expect(reopened.scene('a')?.eventCount).toBe(play.length + 1);
    // The log goes on where it stopped.
    const log = reopened.eventLog('a');
    expect(log.count).toBe(play.length + 1);
    log.append({ type: 'tick', at: 40 });
    expect(reopened.events('a')).toMatchObject({ ok: true, value: { length: play.length + 2 } });
  });

  it('is one object per scene, so its count stays exact', () => {
    const store = stores.open();
    addScene(store, 'a');
    addScene(store, 'b');
    expect(store.eventLog('a')).toBe(store.eventLog('a'));
    store.eventLog('a').append({ type: 'tick', at: 1 });
    expect(store.eventLog('a').count).toBe(2);
    expect(store.eventLog('b').count).toBe(1);
  });

  it('takes its created event again without a new row (the loop appends it), refuses another', () => {
    const store = stores.open();
    const created = addScene(store, 'a');
    const log = store.eventLog('a');
    log.append(created);
    log.append({ ...created });
    expect(log.count).toBe(1);
    expect(() => {
      log.append({ ...created, at: 5 });
    }).toThrow(
      new StoreError(
        'scene "a" already has its created event (event 1); a different one is refused',
      ),
    );
    log.append({ type: 'tick', at: 1 });
    expect(store.events('a')).toEqual({ ok: true, value: [created, { type: 'tick', at: 1 }] });
  });

  it('is only opened for a scene the store holds', () => {
    const store = stores.open();
    expect(() => store.eventLog('nope')).toThrow(
      'could not open the log of scene "nope": scene "nope" is not in the store',
    );
    expect(store.events('nope')).toEqual({
      ok: false,
      errors: ['scene "nope" is not in the store'],
    });
  });
});

describe('an append that fails because', () => {
  const stores = useTempStores();

  it('the store is closed throws a StoreError naming the scene, and what was stored stays', () => {
    const store = stores.open();
    const created = addScene(store, 'a');
    const log = store.eventLog('a');
    log.append({ type: 'tick', at: 1 });
    store.close();
    expect(() => {
      log.append({ type: 'tick', at: 2 });
    }).toThrow(
      new StoreError(`could not store event 3 of scene "a": the store at ${store.path} is closed`),
    );
    expect(stores.open().events('a')).toEqual({
      ok: true,
      value: [created, { type: 'tick', at: 1 }],
    });
  });

  it('the disk refuses throws a StoreError, and the log takes nothing more (no gap)', () => {
    const store = stores.open();
    const created = addScene(store, 'a');
    const log = store.eventLog('a');
    log.append({ type: 'tick', at: 1 });
    // Stands in for a full or failing disk: the next insert fails inside SQLite.
    tamper(
      store.path,
      `CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    expect(() => {
      log.append({ type: 'tick', at: 2 });
    }).toThrow(new StoreError(`could not store event 3 of scene "a" in ${store.path}: disk full`));
    tamper(store.path, 'DROP TRIGGER refuse');
    expect(() => {
      log.append({ type: 'tick', at: 3 });
    }).toThrow(
      'could not store event 3 of scene "a": event 3 of scene "a" could not be stored, so nothing later is stored either',
    );
    expect(log.count).toBe(2);
    store.close();
    expect(stores.open().events('a')).toEqual({
      ok: true,
      value: [created, { type: 'tick', at: 1 }],
    });
  });

  it('another process holds the lock gives up after the busy timeout, with a StoreError', () => {
    const store = stores.open();
    addScene(store, 'a');
    const other = new Database(store.path);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(() => {
        store.eventLog('a').append({ type: 'tick', at: 1 });
      }).toThrow(/could not store event 2 of scene "a" in .*: database is locked/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  // root writes to read-only files anyway, so this runs only as an ordinary user.
  it.skipIf(process.getuid?.() === 0)(
    'on a read-only file throws a StoreError, and the file keeps its events',
    () => {
      const store = stores.open();
      const created = addScene(store, 'a');
      store.close();
      chmodSync(store.path, 0o444);
      const readOnly = openStore({ path: store.path });
      try {
        expect(() => {
          readOnly.eventLog('a').append({ type: 'tick', at: 1 });
        }).toThrow(
          /could not store event 2 of scene "a" in .*: attempt to write a readonly database/,
        );
        expect(readOnly.events('a')).toEqual({ ok: true, value: [created] });
      } finally {
        readOnly.close();
        chmodSync(store.path, 0o644);
      }
    },
  );
});

describe('reading a scene back', () => {
  const stores = useTempStores();

  const stored = () => {
    const store = stores.open();
    addScene(store, 'a');
    appendAll(store, 'a', play);
    store.close();
    return store.path;
  };

  it('names the scene and event number of a row that is not JSON', () => {
    const path = stored();
    tamper(path, `UPDATE events SET json = '{"type": "tick", "at' WHERE n = 3`);
    const result = stores.open().events('a');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^scene "a", event 3: the stored event cannot be read \(.+\)$/,
    );
  });

  it('names the field of an event that is JSON but not a valid event', () => {
    const path = stored();
    tamper(path, `UPDATE events SET json = '{"type":"tick","at":-5}', at = -5 WHERE n = 5`);
    expect(stores.open().events('a')).toEqual({
      ok: false,
      errors: ['scene "a", event 5: at: must not be negative'],
    });
  });

  it('notices a row whose columns disagree with its event, or a missing event', () => {
    const path = stored();
    tamper(path, `UPDATE events SET type = 'safeword' WHERE n = 5; DELETE FROM events WHERE n = 2`);
    expect(stores.open().events('a')).toEqual({
      ok: false,
      errors: [
        'scene "a", event 3: found where event 2 should be',
        'scene "a", event 4: found where event 3 should be',
        'scene "a", event 5: found where event 4 should be',
        'scene "a", event 5: the row says safeword at 30 but the event is tick at 30',
      ],
    });
  });

  it('notices a log that does not start with its own created event', () => {
    const path = stored();
    const other = JSON.stringify(createdAs('b'));
    tamper(path, `UPDATE events SET json = '${other}' WHERE n = 1`);
    expect(stores.open().events('a')).toEqual({
      ok: false,
      errors: ['scene "a", event 1: the created event names scene "b"'],
    });
  });
});

describe('SQLite event log', () => {
  const stores = useTempStores();
  eventLogContract('the SQLite event log', (sceneId) => {
    const store = stores.open();
    store.createScene({ created: createdAs(sceneId), createdWallMs: 1, participants: [] });
    return {
      log: store.eventLog(sceneId),
      close: () => {
        store.close();
      },
      readBack: () => {
        const result = openStore({ path: store.path });
        try {
          const events = result.events(sceneId);
          if (!events.ok) throw new Error(events.errors.join('\n'));
          return events.value;
        } finally {
          result.close();
        }
      },
    };
  });
});
