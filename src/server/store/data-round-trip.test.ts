import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agreementHash, type CreatedEvent } from '../../core';
import { databasePath } from './data-dir';
import { fillStore, NEGOTIATION_ID, replayed } from './data.test-support';
import { deleteAll } from './delete';
import { exportAll, formatExport, importAll } from './export';
import { openStore } from './store';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'redline-data-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** What a person would compare: the scene's log, its fold and the agreement it ran under. */
function sceneAsStored(path: string, sceneId: string) {
  const store = openStore({ path });
  try {
    const events = store.events(sceneId);
    if (!events.ok) throw new Error(events.errors.join('\n'));
    const scene = store.scene(sceneId);
    const created = events.value[0] as CreatedEvent;
    const sealed = store.negotiations.agreements(NEGOTIATION_ID);
    return {
      events: events.value,
      state: replayed(events.value).state,
      sceneHash: scene?.agreementHash,
      createdHash: agreementHash(created.agreement),
      sealed,
      sealedHash: sealed[0] === undefined ? null : agreementHash(sealed[0].agreement as never),
    };
  } finally {
    store.close();
  }
}

describe('[P4] export → delete → import round-trips a scene exactly (issue 7)', () => {
  it('gives back every row of every table, the same events, fold and agreement hash', () => {
    const first = freshDir();
    const path = databasePath(first);
    const { sceneId, events } = fillStore(path);
    const before = exportAll(path);
    const beforeScene = sceneAsStored(path, sceneId);
    expect(beforeScene.events).toEqual(events);
    expect(beforeScene.state.stop?.cause).toBe('red');

    // The export leaves the machine only as the text a user saves.
    const file = formatExport(before);

    const deleted = deleteAll(first);
    expect(deleted.ok).toBe(true);
    expect(existsSync(first) ? readdirSync(first) : []).toEqual([]);
    expect(existsSync(path)).toBe(false);

    const second = join(freshDir(), 'new-home');
    const target = databasePath(second);
    const imported = importAll(target, JSON.parse(file));
    expect(imported).toMatchObject({
      ok: true,
      value: { path: target, scenes: 1, negotiations: 1, events: events.length },
    });

    const after = exportAll(target);
    for (const [table, rows] of Object.entries(before.tables))
      expect({ table, rows: after.tables[table] }).toEqual({ table, rows });
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables));

    const afterScene = sceneAsStored(target, sceneId);
    expect(afterScene).toEqual(beforeScene);
    expect(afterScene.sceneHash).toBe(afterScene.createdHash);
    expect(afterScene.sealedHash).toBe(afterScene.createdHash);
  });
});

describe('[P4] your data with a passphrase', () => {
  const PASSPHRASE = 'correct horse battery staple';

  it('exports an encrypted store with its passphrase and imports into a new encrypted one', () => {
    const plain = databasePath(freshDir());
    fillStore(plain);
    const data = exportAll(plain);

    const target = databasePath(freshDir());
    expect(importAll(target, data, { passphrase: PASSPHRASE }).ok).toBe(true);
    // Encrypted at rest: none of the scene's words are in the file.
    const bytes = readFileSync(target);
    for (const text of ['scene-data', 'panel.heartbeat', 'Alex', 'SQLite format 3'])
      expect(bytes.includes(Buffer.from(text))).toBe(false);

    expect(() => exportAll(target)).toThrow(
      `could not open the store at ${target}: it is encrypted and needs its passphrase`,
    );
    expect(exportAll(target, { passphrase: PASSPHRASE }).tables).toEqual(data.tables);

    // Deleting needs no passphrase: the files are removed, not read.
    expect(deleteAll(dirname(target)).ok).toBe(true);
    expect(existsSync(target)).toBe(false);
  });
});
