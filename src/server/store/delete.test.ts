import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from './data-dir';
import { fillStore } from './data.test-support';
import { dataFiles, deleteAll, existingDataFiles } from './delete';
import { openStore } from './store';

const dirs: string[] = [];
function dataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'redline-delete-'));
  dirs.push(parent);
  return join(parent, 'redline');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('deleteAll [P4]', () => {
  it('removes the database and every file SQLite keeps beside it, then the empty folder', () => {
    const dir = dataDir();
    fillStore(databasePath(dir));
    // What a crashed server leaves behind: the WAL and its index, or a rollback journal, and its lock.
    for (const companion of ['-wal', '-shm', '-journal', '.lock'])
      writeFileSync(`${databasePath(dir)}${companion}`, 'left over');
    expect(existingDataFiles(dir).map((f) => f.path)).toEqual(dataFiles(dir));

    const result = deleteAll(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.files.map((f) => f.path)).toEqual(dataFiles(dir));
    expect(result.value.files[0]?.bytes).toBeGreaterThan(0);
    expect(result.value.removedDir).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });

  it('leaves what is not Redline’s, and the folder holding it', () => {
    const dir = dataDir();
    fillStore(databasePath(dir));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const result = deleteAll(dir);
    expect(result).toMatchObject({ ok: true, value: { removedDir: false } });
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('refuses while Redline has the store open, and deletes nothing', () => {
    const dir = dataDir();
    fillStore(databasePath(dir));
    const store = openStore({ path: databasePath(dir) });
    try {
      const before = readdirSync(dir).sort();
      expect(deleteAll(dir)).toEqual({
        ok: false,
        errors: [
          `${databasePath(dir)} is in use by Redline (or another program): close Redline first, then delete again. Nothing was deleted.`,
        ],
      });
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(store.scene('scene-data')).not.toBeNull();
    } finally {
      store.close();
    }
    expect(deleteAll(dir).ok).toBe(true);
  });

  it('refuses while Redline has an encrypted store open, though it holds no passphrase', () => {
    const dir = dataDir();
    const store = openStore({ path: databasePath(dir), passphrase: 'a passphrase' });
    try {
      const result = deleteAll(dir);
      expect(result.ok).toBe(false);
      expect(existsSync(databasePath(dir))).toBe(true);
    } finally {
      store.close();
    }
    expect(deleteAll(dir)).toMatchObject({ ok: true, value: { removedDir: true } });
  });

  it('deletes a file that is not a readable database too (an encrypted one without its key)', () => {
    const dir = dataDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(databasePath(dir), Buffer.alloc(8192, 7));
    expect(deleteAll(dir)).toMatchObject({ ok: true, value: { removedDir: true } });
  });

  it('has nothing to do where there is no data', () => {
    const dir = dataDir();
    expect(deleteAll(dir)).toEqual({ ok: true, value: { files: [], removedDir: false } });
  });
});
