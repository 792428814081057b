import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { Agreement, SceneEvent } from '../../core';
import { created, pairAgreement } from '../../../test/fixtures/agreements';
import {
  changePassphrase,
  MIN_PASSPHRASE_LENGTH,
  passphraseProblem,
  storeFileKind,
} from './encryption';
import { openStore, StoreError, type Store } from './store';
import { useTempStores } from './temp-store.test-support';

/** Words that appear nowhere else: a plain file shows them, an encrypted one must not (P4). */
const NAME = 'Marguerite';
const NOTE = 'RedlineSceneTextMarker';
const agreement: Agreement = {
  ...pairAgreement,
  participants: [
    { id: 'alex', name: NAME, role: 'dominant' },
    { id: 'sam', name: 'Sam', role: 'submissive' },
  ],
  notes: `${NOTE}: check in with words after every phase`,
};
const PASSPHRASE = 'correct horse battery';
const play: SceneEvent[] = [
  { type: 'scene.start', at: 10, by: 'dominant' },
  { type: 'tick', at: 30 },
  { type: 'safeword', at: 40, by: 'submissive', word: 'yellow' },
];

/** How often `text` occurs in the raw bytes of `file` (null if there is no such file). */
function occurrences(file: string, text: string): number | null {
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  const needle = Buffer.from(text, 'utf8');
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count += 1;
  return count;
}
const files = (path: string) => [path, `${path}-wal`, `${path}-shm`];
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** Every stored file's bytes, to show a refused open changed nothing. */
const snapshot = (path: string) => files(path).map((f) => (existsSync(f) ? hash(f) : null));

function addMarkedScene(store: Store, sceneId = 'a') {
  const event = { ...created(agreement), sceneId };
  store.createScene({
    created: event,
    createdWallMs: 1_000,
    participants: [
      { role: 'dominant', secretHash: `${sceneId}-dom` },
      { role: 'submissive', secretHash: `${sceneId}-sub` },
    ],
  });
  const log = store.eventLog(sceneId);
  for (const e of play) log.append(e);
  return [event, ...play];
}

describe('encryption at rest (P4, decision 0014)', () => {
  const stores = useTempStores();
  const openEncrypted = (passphrase = PASSPHRASE) => openStore({ path: stores.path(), passphrase });

  it('a plain store shows the scene text in its files (the control for the checks below)', () => {
    const store = stores.open();
    addMarkedScene(store);
    const [db, wal] = files(store.path);
    expect(
      (occurrences(db ?? '', NOTE) ?? 0) + (occurrences(wal ?? '', NOTE) ?? 0),
    ).toBeGreaterThan(0);
    store.close();
    expect(occurrences(store.path, NOTE)).toBeGreaterThan(0);
    expect(occurrences(store.path, NAME)).toBeGreaterThan(0);
  });

  it('round-trips a scene and its events, keeping WAL and full sync', () => {
    const store = openEncrypted();
    const events = addMarkedScene(store);
    expect(store.events('a')).toEqual({ ok: true, value: events });
    store.close();
    const again = openEncrypted();
    expect(again.events('a')).toEqual({ ok: true, value: events });
    expect(again.scene('a')?.eventCount).toBe(4);
    again.close();
    const raw = new Database(stores.path());
    expect(() => raw.pragma('journal_mode')).toThrow(/not a database/);
    raw.close();
  });

  it('holds no readable scene text in the .db, -wal and -shm files, open or closed', () => {
    const store = openEncrypted();
    addMarkedScene(store, 'a');
    addMarkedScene(store, 'b');
    const path = store.path;
    expect(existsSync(`${path}-wal`)).toBe(true);
    for (const file of files(path))
      for (const text of [NOTE, NAME, 'scene.created', 'SQLite format 3'])
        expect(occurrences(file, text), `${file}: ${text}`).toBe(0);
    store.close();
    for (const text of [NOTE, NAME, 'scene.created', 'participants', 'SQLite format 3'])
      expect(occurrences(path, text), text).toBe(0);
    expect(occurrences(`${path}-wal`, NOTE)).toBeNull();
    expect(storeFileKind(path)).toBe('encrypted');
  });

  it('refuses a wrong passphrase, or none, with a plain message, and changes no byte', () => {
    openEncrypted().close();
    const path = stores.path();
    const before = snapshot(path);
    expect(() => openEncrypted('wrong passphrase')).toThrow(
      new StoreError(
        `could not open the store at ${path}: wrong passphrase, or not a Redline store`,
      ),
    );
    expect(() => openStore({ path })).toThrow(
      new StoreError(
        `could not open the store at ${path}: it is encrypted and needs its passphrase, or it ` +
          'is not a Redline store',
      ),
    );
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a file that is not a store, and a plain store given a passphrase, writing nothing', () => {
    const junk = stores.path('junk.sqlite');
    writeFileSync(junk, 'this is not a database, just some text '.repeat(200));
    const junkBefore = snapshot(junk);
    expect(() => openStore({ path: junk, passphrase: PASSPHRASE })).toThrow(
      /wrong passphrase, or not a Redline store$/,
    );
    expect(() => openStore({ path: junk })).toThrow(/needs its passphrase, or it is not a Redline/);
    expect(snapshot(junk)).toEqual(junkBefore);

    stores.open().close();
    const plainBefore = snapshot(stores.path());
    expect(() => openEncrypted()).toThrow(/it is not encrypted, so it opens without a passphrase/);
    expect(snapshot(stores.path())).toEqual(plainBefore);
  });

  it('never puts the passphrase in an error', () => {
    openEncrypted().close();
    const attempts = [
      () => openEncrypted('a wrong passphrase 123'),
      () => {
        changePassphrase(stores.path(), 'a wrong passphrase 123', 'another one 456');
      },
      () => {
        changePassphrase(stores.path(), PASSPHRASE, 'short');
      },
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(StoreError);
      try {
        attempt();
      } catch (error) {
        const text = `${(error as Error).message} ${String((error as Error).cause)}`;
        for (const secret of ['a wrong passphrase 123', 'another one 456', 'short', PASSPHRASE])
          expect(text).not.toContain(secret);
      }
    }
  });

  it('adds, changes and removes the passphrase, each step checked by reopening', () => {
    const store = stores.open();
    const events = addMarkedScene(store);
    store.close();
    const path = stores.path();
    const readsBack = (passphrase?: string) => {
      const s = openStore({ path, passphrase });
      try {
        return s.events('a');
      } finally {
        s.close();
      }
    };

    changePassphrase(path, null, PASSPHRASE);
    expect(storeFileKind(path)).toBe('encrypted');
    expect(occurrences(path, NOTE)).toBe(0);
    expect(readsBack(PASSPHRASE)).toEqual({ ok: true, value: events });
    expect(() => readsBack()).toThrow(/needs its passphrase/);

    changePassphrase(path, PASSPHRASE, 'a second passphrase');
    expect(occurrences(path, NOTE)).toBe(0);
    expect(readsBack('a second passphrase')).toEqual({ ok: true, value: events });
    expect(() => readsBack(PASSPHRASE)).toThrow(/wrong passphrase/);

    changePassphrase(path, 'a second passphrase', null);
    expect(storeFileKind(path)).toBe('plain');
    expect(occurrences(path, NOTE)).toBeGreaterThan(0);
    expect(readsBack()).toEqual({ ok: true, value: events });

    // Each step leaves the file in write-ahead-log mode, as the server expects it.
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('encrypts with Redline’s pinned cipher, not the library default', () => {
    stores.open().close();
    changePassphrase(stores.path(), null, PASSPHRASE);
    const db = new Database(stores.path());
    db.pragma("cipher = 'chacha20'");
    db.key(Buffer.from(PASSPHRASE));
    expect(() => db.pragma('user_version')).toThrow(/not a database/);
    db.close();
  });

  it('creates a missing store encrypted when a passphrase is set on it', () => {
    changePassphrase(stores.path(), null, PASSPHRASE);
    expect(storeFileKind(stores.path())).toBe('encrypted');
    openEncrypted().close();
  });

  it('refuses a short passphrase, a wrong current one, and nothing to remove, changing nothing', () => {
    openEncrypted().close();
    const path = stores.path();
    const before = snapshot(path);
    expect(() => {
      changePassphrase(path, PASSPHRASE, 'seven c');
    }).toThrow(`at least ${MIN_PASSPHRASE_LENGTH} characters`);
    expect(() => {
      changePassphrase(path, 'not the passphrase', 'a fine new one');
    }).toThrow(/wrong passphrase/);
    expect(() => {
      changePassphrase(path, null, 'a fine new one');
    }).toThrow(/needs its passphrase/);
    expect(snapshot(path)).toEqual(before);

    stores.open('plain.sqlite').close();
    expect(() => {
      changePassphrase(stores.path('plain.sqlite'), null, null);
    }).toThrow(/it has no passphrase to remove/);
  });

  it('says to close Redline first when another process has the store open', () => {
    const server = openEncrypted();
    addMarkedScene(server);
    expect(() => {
      changePassphrase(server.path, PASSPHRASE, 'a fine new one');
    }).toThrow(
      new StoreError(
        `could not change the passphrase of the store at ${server.path}: another program has ` +
          'it open (close Redline first, then try again)',
      ),
    );
    // The running store carries on with the old passphrase.
    server.eventLog('a').append({ type: 'tick', at: 50 });
    server.close();
    const again = openEncrypted();
    expect(again.scene('a')?.eventCount).toBe(5);
    again.close();
  });

  it('checks new passphrases: at least 8 characters, one line', () => {
    expect(passphraseProblem('1234567')).toMatch(/at least 8 characters/);
    expect(passphraseProblem('12345678')).toBeNull();
    expect(passphraseProblem('ça été 😀😀')).toBeNull();
    expect(passphraseProblem('two\nlines here')).toMatch(/line break/);
  });
});
