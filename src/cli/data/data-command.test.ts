import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from '../../server/store/data-dir';
import { lockStore } from '../../server/store/data-lock';
import { fillStore, SCENE_ID } from '../../server/store/data.test-support';
import { exportAll } from '../../server/store/export';
import { openStore } from '../../server/store/store';
import { captureIo } from '../capture-io';
import { dataCommand, DATA_USAGE } from './data-command';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-cli-data-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder holding one scene for two (every table has rows). */
function filledDataDir(): string {
  const dir = join(tempDir(), 'data');
  fillStore(databasePath(dir));
  return dir;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const capture = captureIo();
  const status = dataCommand(args, capture.io, env);
  return { status, out: capture.stdout(), err: capture.stderr() };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('redline data [P4]', () => {
  it('export prints the whole store as one JSON document, and a note on standard error', () => {
    const dir = filledDataDir();
    const result = run(['export', '--data', dir]);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.out) as ReturnType<typeof exportAll>;
    const { tables } = exportAll(databasePath(dir));
    expect(printed.tables).toEqual(tables);
    const rows = Object.values(tables).reduce((sum, t) => sum + t.length, 0);
    expect(result.err).toBe(
      `redline data: exported 1 scene and 1 negotiation (${rows} rows in all).\n` +
        'redline data: the export is not encrypted and holds private answers: keep it private.\n',
    );
  });

  it('export --out writes a file only its owner can read, even one that was there before', () => {
    const dir = filledDataDir();
    const out = join(tempDir(), 'export.json');
    writeFileSync(out, 'old', { mode: 0o644 });
    const result = run(['export', '--data', dir, '--out', out]);
    expect(result).toMatchObject({ status: 0, out: '' });
    expect(mode(out)).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'redline-export' });
    expect(run(['export', '--data', dir, '--out', join(dir, 'no', 'x.json')])).toMatchObject({
      status: 2,
      err: `redline data export: cannot write ${join(dir, 'no', 'x.json')}: its folder does not exist\n`,
    });
  });

  it('export → delete --yes → import gives back every row (the done-when of issue 7)', () => {
    const dir = filledDataDir();
    const before = exportAll(databasePath(dir));
    const file = join(tempDir(), 'everything.json');
    expect(run(['export', '--data', dir, '--out', file]).status).toBe(0);

    const deleted = run(['delete', '--yes', '--data', dir]);
    expect(deleted.status).toBe(0);
    expect(deleted.out).toContain('Deleted for good:\n');
    expect(deleted.out).toContain(`  ${databasePath(dir)} (`);
    expect(deleted.out).toContain('clear it in each browser');
    expect(existsSync(dir)).toBe(false);

    const home = join(tempDir(), 'new');
    const imported = run(['import', '--in', file, '--data', home]);
    expect(imported).toEqual({
      status: 0,
      // Every event, whether in \`events\` or still in the journal (decision 0017).
      out: `Imported 1 scene (${(before.tables['events']?.length ?? 0) + (before.tables['event_journal']?.length ?? 0)} events) and 1 negotiation into ${databasePath(home)}.\n`,
      err: '',
    });
    expect(exportAll(databasePath(home)).tables).toEqual(before.tables);
  });

  it('delete without --yes says what it would delete, deletes nothing and exits 2', () => {
    const dir = filledDataDir();
    const files = readdirSync(dir);
    const result = run(['delete', '--data', dir]);
    expect(result.status).toBe(2);
    expect(result.err).toContain(
      `redline data delete: this deletes everything Redline keeps in ${dir}, for good:\n`,
    );
    expect(result.err).toContain(`redline data delete:   ${databasePath(dir)} (`);
    expect(result.err).toContain('Run it again with --yes to delete.');
    expect(readdirSync(dir)).toEqual(files);
  });

  it('delete --yes is refused while Redline has the store open', () => {
    const dir = filledDataDir();
    const store = openStore({ path: databasePath(dir) });
    try {
      const result = run(['delete', '--yes', '--data', dir]);
      expect(result.status).toBe(2);
      expect(result.err).toContain('close Redline first');
      expect(existsSync(databasePath(dir))).toBe(true);
    } finally {
      store.close();
    }
  });

  it('import is refused while a Redline server holds the data folder, and works once it is free', () => {
    const source = filledDataDir();
    const exported = join(tempDir(), 'export.json');
    expect(run(['export', '--out', exported, '--data', source]).status).toBe(0);
    const dir = join(tempDir(), 'served');
    const served = lockStore(databasePath(dir));
    if (!served.ok) throw new Error(served.error);
    const refused = run(['import', '--in', exported, '--data', dir]);
    expect(refused.status).toBe(2);
    expect(refused.err).toContain('another Redline server (process');
    expect(refused.err).toContain('Nothing was imported.');
    expect(existsSync(databasePath(dir))).toBe(false);
    served.lock.release();
    expect(run(['import', '--in', exported, '--data', dir]).status).toBe(0);
    // The import gave the lock back: a server may start on the folder now.
    const next = lockStore(databasePath(dir));
    expect(next.ok).toBe(true);
    if (next.ok) next.lock.release();
  });

  it('import refuses a file that is not a valid export, writing nothing', () => {
    const dir = filledDataDir();
    const before = readFileSync(databasePath(dir));
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'redline-export', version: 1 }));
    expect(run(['import', '--in', file, '--data', dir])).toEqual({
      status: 2,
      out: '',
      err:
        `redline data import: ${file} was not imported (nothing was written):\n` +
        'redline data import:   exportedAt: is required\n' +
        'redline data import:   schemaVersion: is required\n' +
        'redline data import:   tables: is required\n',
    });
    writeFileSync(file, '{"format": ');
    const notJson = run(['import', '--in', file, '--data', dir]);
    expect(notJson.status).toBe(2);
    expect(notJson.err).toMatch(/^redline data import: .* was not imported .*\n.*not valid JSON: /);
    expect(readFileSync(databasePath(dir))).toEqual(before);
  });

  it('csv prints a scene’s trace, or says why not', () => {
    const dir = filledDataDir();
    const result = run(['csv', '--scene', SCENE_ID, '--data', dir]);
    expect(result.status).toBe(0);
    expect(result.out.startsWith('t_ms,pressure,hr,output\n')).toBe(true);
    expect(run(['csv', '--scene', 'nope', '--data', dir])).toMatchObject({
      status: 2,
      err: 'redline data csv: scene "nope" is not in the store\n',
    });
    const out = join(tempDir(), 'trace.csv');
    expect(run(['csv', '--scene', SCENE_ID, '--data', dir, '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(result.out);
    expect(mode(out)).toBe(0o600);
  });

  it('refuses a missing store without creating one', () => {
    const dir = join(tempDir(), 'empty');
    expect(run(['export', '--data', dir])).toMatchObject({
      status: 2,
      out: '',
      err: `redline data export: there is no Redline store at ${databasePath(dir)}\n`,
    });
    expect(run(['csv', '--scene', 'x', '--data', dir]).status).toBe(2);
    expect(run(['delete', '--data', dir]).status).toBe(2);
    expect(run(['delete', '--yes', '--data', dir])).toMatchObject({
      status: 0,
      out: `There was no Redline data in ${dir}; nothing was deleted.\n`,
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('uses the platform’s data folder by default, as serve does', () => {
    const home = tempDir();
    const dir = join(home, 'redline');
    fillStore(databasePath(dir));
    const result = run(['export'], { XDG_DATA_HOME: home });
    expect(result.status).toBe(0);
    expect(result.out).toContain('"format": "redline-export"');
  });

  it('opens an encrypted store with REDLINE_PASSPHRASE', () => {
    const dir = filledDataDir();
    const file = join(tempDir(), 'export.json');
    expect(run(['export', '--data', dir, '--out', file]).status).toBe(0);
    const home = join(tempDir(), 'locked');
    const env = { REDLINE_PASSPHRASE: 'a long passphrase' };
    expect(run(['import', '--in', file, '--data', home], env).status).toBe(0);
    const without = run(['csv', '--scene', SCENE_ID, '--data', home]);
    expect(without.status).toBe(4);
    expect(without.err).toContain('it is encrypted and needs its passphrase');
    const wrong = run(['export', '--data', home], { REDLINE_PASSPHRASE: 'not the one at all' });
    expect(wrong).toMatchObject({ status: 4, out: '' });
    expect(wrong.err).toContain('wrong passphrase');
    const short = run(['import', '--in', file, '--data', join(tempDir(), 'weak')], {
      REDLINE_PASSPHRASE: 'short',
    });
    expect(short).toMatchObject({
      status: 2,
      err: expect.stringContaining('at least 8') as unknown,
    });
    expect(run(['csv', '--scene', SCENE_ID, '--data', home], env).status).toBe(0);
    expect(JSON.parse(run(['export', '--data', home], env).out)).toMatchObject({
      tables: exportAll(databasePath(dir)).tables,
    });
  });

  it('checks its usage', () => {
    expect(run(['--help'])).toEqual({ status: 0, out: DATA_USAGE, err: '' });
    expect(run(['export', '--help'])).toMatchObject({ status: 0, out: DATA_USAGE });
    expect(run([]).status).toBe(2);
    expect(run(['wipe']).err).toContain('redline data: unknown command "wipe"');
    expect(run(['import']).err).toContain('redline data import: --in FILE is required');
    expect(run(['csv']).err).toContain('redline data csv: --scene ID is required');
    expect(run(['delete', '--force']).err).toContain("Unknown option '--force'");
    expect(run(['export', 'extra']).err).toContain('unexpected argument: extra');
  });
});
