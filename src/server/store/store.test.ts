import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { agreementHash } from '../../core';
import { pairAgreement, soloAgreement } from '../../../test/fixtures/agreements';
import { openStore, StoreError } from './store';
import { addScene, createdAs, useTempStores } from './temp-store.test-support';

describe('openStore', () => {
  const stores = useTempStores();

  it('creates its folder, and the file in write-ahead-log mode', () => {
    const path = join(stores.path('nested'), 'deeper', 'redline.sqlite');
    const store = openStore({ path });
    addScene(store, 'a');
    expect(store.path).toBe(path);
    expect(statSync(path).isFile()).toBe(true);
    // WAL is a property of the file: another connection reads it back.
    const other = new Database(path);
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(existsSync(`${path}-wal`)).toBe(true);
    other.close();
    store.close();
  });

  it('creates a scene with its participants and its created event as event 1', () => {
    const store = stores.open();
    const created = addScene(store, 'a', 1234);
    expect(store.scene('a')).toEqual({
      sceneId: 'a',
      createdWallMs: 1234,
      mode: 'pair',
      agreementHash: agreementHash(pairAgreement),
      status: 'open',
      negotiationId: null,
      eventCount: 1,
    });
    expect(store.events('a')).toEqual({ ok: true, value: [created] });
    expect(store.participant('a', 'a-dom')).toEqual({ role: 'dominant', lastSeq: 0 });
    expect(store.participant('a', 'a-sub')).toEqual({ role: 'submissive', lastSeq: 0 });
    expect(store.scene('missing')).toBeNull();
  });

  it('refuses a second scene with the same id and leaves the first as it was', () => {
    const store = stores.open();
    addScene(store, 'a');
    expect(() => addScene(store, 'a', 9)).toThrow(
      new StoreError('could not create scene "a": scene "a" already exists'),
    );
    expect(store.scene('a')?.createdWallMs).toBe(1_000);
  });

  it('creates nothing of a scene when part of it fails (one transaction)', () => {
    const store = stores.open();
    addScene(store, 'a');
    const create = () => {
      store.createScene({
        created: createdAs('b'),
        createdWallMs: 1,
        participants: [{ role: 'dominant', secretHash: 'a-dom' }],
      });
    };
    expect(create).toThrow('could not create scene "b": a secret is already in use');
    expect(store.scene('b')).toBeNull();
    expect(store.scenes()).toHaveLength(1);
  });

  it('refuses a created event that could never be read back', () => {
    const store = stores.open();
    const created = { ...createdAs('a'), at: -1 };
    expect(() => {
      store.createScene({ created, createdWallMs: 1, participants: [] });
    }).toThrow(/scene "a": its created event is invalid/);
    expect(store.scene('a')).toBeNull();
  });

  it('lists scenes newest first, a later one first on a tie', () => {
    const store = stores.open();
    addScene(store, 'old', 1_000);
    addScene(store, 'new', 3_000);
    addScene(store, 'mid', 2_000);
    addScene(store, 'mid-too', 2_000);
    expect(store.scenes().map((s) => s.sceneId)).toEqual(['new', 'mid-too', 'mid', 'old']);
  });

  it('keeps a scene’s mode and status across a reopen', () => {
    const store = stores.open();
    store.createScene({
      created: { ...createdAs('solo'), agreement: soloAgreement },
      createdWallMs: 5,
      participants: [{ role: 'submissive', secretHash: 'solo-sub' }],
    });
    store.setStatus('solo', 'closed');
    store.close();
    expect(stores.open().scene('solo')).toMatchObject({ mode: 'solo', status: 'closed' });
  });

  it('refuses to set the status of a scene it does not hold', () => {
    expect(() => {
      stores.open().setStatus('nope', 'closed');
    }).toThrow('could not mark scene "nope" closed: scene "nope" is not in the store');
  });
});

describe('participants', () => {
  const stores = useTempStores();

  it('are found only by their own secret hash in their own scene', () => {
    const store = stores.open();
    addScene(store, 'a');
    addScene(store, 'b');
    expect(store.participant('a', 'b-dom')).toBeNull();
    expect(store.participant('a', 'unknown')).toBeNull();
    expect(store.participant('b', 'b-dom')).toEqual({ role: 'dominant', lastSeq: 0 });
  });

  it('get a replaced secret (a re-paired panel) and keep their sequence number', () => {
    const store = stores.open();
    addScene(store, 'a');
    store.setLastSeq('a', 'submissive', 41);
    store.setParticipant('a', 'submissive', 'new-sub');
    expect(store.participant('a', 'a-sub')).toBeNull();
    expect(store.participant('a', 'new-sub')).toEqual({ role: 'submissive', lastSeq: 41 });
    expect(store.participant('a', 'a-dom')).toEqual({ role: 'dominant', lastSeq: 0 });
  });

  it('can be added to a scene created with one role', () => {
    const store = stores.open();
    store.createScene({
      created: createdAs('a'),
      createdWallMs: 1,
      participants: [{ role: 'dominant', secretHash: 'dom' }],
    });
    store.setParticipant('a', 'submissive', 'sub');
    expect(store.participant('a', 'sub')).toEqual({ role: 'submissive', lastSeq: 0 });
  });

  it('never share a secret, and never join a scene that is not there', () => {
    const store = stores.open();
    addScene(store, 'a');
    expect(() => {
      store.setParticipant('a', 'submissive', 'a-dom');
    }).toThrow(`could not set the submissive's secret in scene "a": that secret is already in use`);
    expect(() => {
      store.setParticipant('nope', 'dominant', 'x');
    }).toThrow('scene "nope" is not in the store');
  });

  it('have a sequence number that only rises (replay guard), kept across a reopen', () => {
    const store = stores.open();
    addScene(store, 'a');
    store.setLastSeq('a', 'dominant', 5);
    store.setLastSeq('a', 'dominant', 3);
    expect(store.participant('a', 'a-dom')?.lastSeq).toBe(5);
    store.setLastSeq('a', 'dominant', 7);
    store.close();
    expect(stores.open().participant('a', 'a-dom')?.lastSeq).toBe(7);
  });

  it('must exist for their sequence number to be recorded', () => {
    const store = stores.open();
    store.createScene({ created: createdAs('a'), createdWallMs: 1, participants: [] });
    expect(() => {
      store.setLastSeq('a', 'dominant', 1);
    }).toThrow('scene "a" has no dominant');
  });
});

describe('pairing codes', () => {
  const stores = useTempStores();
  const code = {
    codeHash: 'code-1',
    sceneId: 'a',
    role: 'submissive',
    expiresWallMs: 10_000,
  } as const;

  it('are claimed once, before they expire', () => {
    const store = stores.open();
    addScene(store, 'a');
    store.addPairingCode(code);
    expect(store.claimPairingCode('code-1', 9_999)).toEqual({
      ok: true,
      sceneId: 'a',
      role: 'submissive',
    });
    expect(store.claimPairingCode('code-1', 9_999)).toEqual({ ok: false, reason: 'used' });
    expect(store.claimPairingCode('code-1', 20_000)).toEqual({ ok: false, reason: 'used' });
  });

  it('stay used across a reopen', () => {
    const store = stores.open();
    addScene(store, 'a');
    store.addPairingCode(code);
    expect(store.claimPairingCode('code-1', 1).ok).toBe(true);
    store.close();
    expect(stores.open().claimPairingCode('code-1', 2)).toEqual({ ok: false, reason: 'used' });
  });

  it('expire at their expiry time', () => {
    const store = stores.open();
    addScene(store, 'a');
    store.addPairingCode(code);
    expect(store.claimPairingCode('code-1', 10_000)).toEqual({ ok: false, reason: 'expired' });
    // An expired code stays expired, and is not spent by the attempt.
    expect(store.claimPairingCode('code-1', 1)).toEqual({
      ok: true,
      sceneId: 'a',
      role: 'submissive',
    });
  });

  it('are unknown when never added', () => {
    const store = stores.open();
    expect(store.claimPairingCode('nope', 1)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('are claimed by exactly one of two stores open on the same file', () => {
    const first = stores.open();
    addScene(first, 'a');
    first.addPairingCode(code);
    const second = stores.open();
    const results = [first.claimPairingCode('code-1', 1), second.claimPairingCode('code-1', 1)];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results).toContainEqual({ ok: false, reason: 'used' });
  });

  it('belong to a scene the store holds, and are unique', () => {
    const store = stores.open();
    expect(() => {
      store.addPairingCode(code);
    }).toThrow('could not add a pairing code to scene "a": scene "a" is not in the store');
    addScene(store, 'a');
    store.addPairingCode(code);
    expect(() => {
      store.addPairingCode(code);
    }).toThrow('that code is already in use');
  });
});

describe('a closed store', () => {
  const stores = useTempStores();

  it('refuses every call with a StoreError that says it is closed', () => {
    const store = stores.open();
    addScene(store, 'a');
    store.close();
    store.close();
    const calls = [
      () => store.scenes(),
      () => store.scene('a'),
      () => store.events('a'),
      () => store.eventLog('a'),
      () => {
        addScene(store, 'b');
      },
      () => {
        store.setStatus('a', 'closed');
      },
      () => store.participant('a', 'a-dom'),
      () => {
        store.setLastSeq('a', 'dominant', 1);
      },
      () => store.claimPairingCode('x', 1),
    ];
    for (const call of calls) {
      expect(call).toThrow(StoreError);
      expect(call).toThrow(/the store at .* is closed/);
    }
  });
});
