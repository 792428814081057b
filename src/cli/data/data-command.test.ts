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

/** No terminal unless a test gives answers to type: then each question takes the next one. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}, answers?: string[]) {
  const capture = captureIo();
  const questions: string[] = [];
  const status = await dataCommand(args, capture.io, env, {
    env: {},
    platform: 'linux',
    ask:
      answers === undefined
        ? null
        : (question) => {
            questions.push(question);
            return Promise.resolve(answers.shift() ?? null);
          },
  });
  return { status, out: capture.stdout(), err: capture.stderr(), questions };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('redline data [P4]', () => {
  it('export prints the whole store as one JSON document, and a note on standard error', async () => {
    const dir = filledDataDir();
    const result = await run(['export', '--data', dir]);
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

  it('export --out writes a file only its owner can read, even one that was there before', async () => {
    const dir = filledDataDir();
    const out = join(tempDir(), 'export.json');
    writeFileSync(out, 'old', { mode: 0o644 });
    const result = await run(['export', '--data', dir, '--out', out]);
    expect(result).toMatchObject({ status: 0, out: '' });
    expect(mode(out)).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'redline-export' });
    expect(await run(['export', '--data', dir, '--out', join(dir, 'no', 'x.json')])).toMatchObject({
      status: 2,
      err: `redline data export: cannot write ${join(dir, 'no', 'x.json')}: its folder does not exist\n`,
    });
  });

  it('export → delete --yes → import gives back every row (the done-when of issue 7)', async () => {
    const dir = filledDataDir();
    const before = exportAll(databasePath(dir));
    const file = join(tempDir(), 'everything.json');
    expect((await run(['export', '--data', dir, '--out', file])).status).toBe(0);

    const deleted = await run(['delete', '--yes', '--data', dir]);
    expect(deleted.status).toBe(0);
    expect(deleted.out).toContain('Deleted for good:\n');
    expect(deleted.out).toContain(`  ${databasePath(dir)} (`);
    expect(deleted.out).toContain('clear it in each browser');
    expect(existsSync(dir)).toBe(false);

    const home = join(tempDir(), 'new');
    const imported = await run(['import', '--in', file, '--data', home]);
    expect(imported).toEqual({
      questions: [],
      status: 0,
      // Every event, whether in \`events\` or still in the journal (decision 0017).
      out: `Imported 1 scene (${(before.tables['events']?.length ?? 0) + (before.tables['event_journal']?.length ?? 0)} events) and 1 negotiation into ${databasePath(home)}.\n`,
      err: '',
    });
    expect(exportAll(databasePath(home)).tables).toEqual(before.tables);
  });

  it('delete without --yes says what it would delete, deletes nothing and exits 2', async () => {
    const dir = filledDataDir();
    const files = readdirSync(dir);
    const result = await run(['delete', '--data', dir]);
    expect(result.status).toBe(2);
    expect(result.err).toContain(
      `redline data delete: this deletes everything Redline keeps in ${dir}, for good:\n`,
    );
    expect(result.err).toContain(`redline data delete:   ${databasePath(dir)} (`);
    expect(result.err).toContain('Run it again with --yes to delete.');
    expect(readdirSync(dir)).toEqual(files);
  });

  it('delete --yes is refused while Redline has the store open', async () => {
    const dir = filledDataDir();
    const store = openStore({ path: databasePath(dir) });
    try {
      const result = await run(['delete', '--yes', '--data', dir]);
      expect(result.status).toBe(2);
      expect(result.err).toContain('close Redline first');
      expect(existsSync(databasePath(dir))).toBe(true);
    } finally {
      store.close();
    }
  });

  it('import is refused while a Redline server holds the data folder, and works once it is free', async () => {
    const source = filledDataDir();
    const exported = join(tempDir(), 'export.json');
    expect((await run(['export', '--out', exported, '--data', source])).status).toBe(0);
    const dir = join(tempDir(), 'served');
    const served = lockStore(databasePath(dir));
    if (!served.ok) throw new Error(served.error);
    const refused = await run(['import', '--in', exported, '--data', dir]);
    expect(refused.status).toBe(2);
    expect(refused.err).toContain('another Redline server (process');
    expect(refused.err).toContain('Nothing was imported.');
    expect(existsSync(databasePath(dir))).toBe(false);
    served.lock.release();
    expect((await run(['import', '--in', exported, '--data', dir])).status).toBe(0);
    // The import gave the lock back: a server may start on the folder now.
    const next = lockStore(databasePath(dir));
    expect(next.ok).toBe(true);
    if (next.ok) next.lock.release();
  });

  it('import refuses a file that is not a valid export, writing nothing', async () => {
    const dir = filledDataDir();
    const before = readFileSync(databasePath(dir));
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'redline-export', version: 1 }));
    expect(await run(['import', '--in', file, '--data', dir])).toEqual({
      questions: [],
      status: 2,
      out: '',
      err:
        `redline data import: ${file} was not imported (nothing was written):\n` +
        'redline data import:   exportedAt: is required\n' +
        'redline data import:   schemaVersion: is required\n' +
        'redline data import:   tables: is required\n',
    });
    writeFileSync(file, '{"format": ');
    const notJson = await run(['import', '--in', file, '--data', dir]);
    expect(notJson.status).toBe(2);
    expect(notJson.err).toMatch(/^redline data import: .* was not imported .*\n.*not valid JSON: /);
    expect(readFileSync(databasePath(dir))).toEqual(before);
  });

  it('csv prints a scene’s trace, or says why not', async () => {
    const dir = filledDataDir();
    const result = await run(['csv', '--scene', SCENE_ID, '--data', dir]);
    expect(result.status).toBe(0);
    expect(result.out.startsWith('t_ms,pressure,hr,output\n')).toBe(true);
    expect(await run(['csv', '--scene', 'nope', '--data', dir])).toMatchObject({
      status: 2,
      err: 'redline data csv: scene "nope" is not in the store\n',
    });
    const out = join(tempDir(), 'trace.csv');
    expect((await run(['csv', '--scene', SCENE_ID, '--data', dir, '--out', out])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(result.out);
    expect(mode(out)).toBe(0o600);
  });

  it('refuses a missing store without creating one', async () => {
    const dir = join(tempDir(), 'empty');
    expect(await run(['export', '--data', dir])).toMatchObject({
      status: 2,
      out: '',
      err: `redline data export: there is no Redline store at ${databasePath(dir)}\n`,
    });
    expect((await run(['csv', '--scene', 'x', '--data', dir])).status).toBe(2);
    expect((await run(['delete', '--data', dir])).status).toBe(2);
    expect(await run(['delete', '--yes', '--data', dir])).toMatchObject({
      status: 0,
      out: `There was no Redline data in ${dir}; nothing was deleted.\n`,
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('uses the platform’s data folder by default, as serve does', async () => {
    const home = tempDir();
    const dir = join(home, 'redline');
    fillStore(databasePath(dir));
    const result = await run(['export'], { XDG_DATA_HOME: home });
    expect(result.status).toBe(0);
    expect(result.out).toContain('"format": "redline-export"');
  });

  it('opens an encrypted store with REDLINE_PASSPHRASE', async () => {
    const dir = filledDataDir();
    const file = join(tempDir(), 'export.json');
    expect((await run(['export', '--data', dir, '--out', file])).status).toBe(0);
    const home = join(tempDir(), 'locked');
    const env = { REDLINE_PASSPHRASE: 'a long passphrase' };
    expect((await run(['import', '--in', file, '--data', home], env)).status).toBe(0);
    const without = await run(['csv', '--scene', SCENE_ID, '--data', home]);
    expect(without.status).toBe(4);
    expect(without.err).toContain('it is encrypted and needs its passphrase');
    const wrong = await run(['export', '--data', home], {
      REDLINE_PASSPHRASE: 'not the one at all',
    });
    expect(wrong).toMatchObject({ status: 4, out: '' });
    expect(wrong.err).toContain('wrong passphrase');
    const short = await run(['import', '--in', file, '--data', join(tempDir(), 'weak')], {
      REDLINE_PASSPHRASE: 'short',
    });
    expect(short).toMatchObject({
      status: 2,
      err: expect.stringContaining('at least 8') as unknown,
    });
    expect((await run(['csv', '--scene', SCENE_ID, '--data', home], env)).status).toBe(0);
    expect(JSON.parse((await run(['export', '--data', home], env)).out)).toMatchObject({
      tables: exportAll(databasePath(dir)).tables,
    });
  });

  it('takes an encrypted store’s passphrase from --passphrase-file, or asks for it on a terminal', async () => {
    const dir = filledDataDir();
    const file = join(tempDir(), 'export.json');
    expect((await run(['export', '--data', dir, '--out', file])).status).toBe(0);
    const home = join(tempDir(), 'locked');
    const secret = join(tempDir(), 'passphrase.txt');
    writeFileSync(secret, 'a long passphrase\n', { mode: 0o600 });
    // A new store is created encrypted with the file's passphrase.
    expect(
      (await run(['import', '--in', file, '--data', home, '--passphrase-file', secret])).status,
    ).toBe(0);
    const expected = exportAll(databasePath(dir)).tables;
    const withFile = await run(['export', '--data', home, '--passphrase-file', secret]);
    expect(withFile.status).toBe(0);
    expect(JSON.parse(withFile.out)).toMatchObject({ tables: expected });
    // Asked on a terminal, not shown; a wrong answer may be typed again.
    const asked = await run(['export', '--data', home], {}, ['not it at all', 'a long passphrase']);
    expect(asked.status).toBe(0);
    expect(asked.questions).toEqual([
      `Passphrase of the store at ${databasePath(home)}: `,
      `Passphrase of the store at ${databasePath(home)}: `,
    ]);
    expect(asked.err).toContain('That passphrase does not open the store. Try again.');
    expect(JSON.parse(asked.out)).toMatchObject({ tables: expected });
    expect(
      (await run(['csv', '--scene', SCENE_ID, '--data', home], {}, ['a long passphrase'])).status,
    ).toBe(0);
    // Three wrong answers: it stays locked, and nothing is printed.
    const wrong = await run(['export', '--data', home], {}, [
      'one wrong',
      'two wrong',
      'three wrong',
    ]);
    expect(wrong).toMatchObject({ status: 4, out: '' });
    expect(wrong.err).toContain('(3 tries)');
    // Given one, nobody is asked: a wrong one is refused as it is.
    const given = await run(
      ['export', '--data', home],
      { REDLINE_PASSPHRASE: 'not the one at all' },
      ['a long passphrase'],
    );
    expect(given).toMatchObject({ status: 4, out: '', questions: [] });
    // A plain store asks for nothing.
    expect((await run(['export', '--data', dir], {}, ['a long passphrase'])).questions).toEqual([]);
    // Both sources at once, or a file others can read: refused, nothing opened.
    const both = await run(['export', '--data', home, '--passphrase-file', secret], {
      REDLINE_PASSPHRASE: 'a long passphrase',
    });
    expect(both).toMatchObject({ status: 2, out: '' });
    expect(both.err).toContain('give either REDLINE_PASSPHRASE or --passphrase-file, not both');
    const open = join(tempDir(), 'open.txt');
    writeFileSync(open, 'a long passphrase\n', { mode: 0o644 });
    const loose = await run(['export', '--data', home, '--passphrase-file', open]);
    expect(loose).toMatchObject({ status: 2, out: '' });
    expect(loose.err).toContain('chmod 600');
    // `delete` opens nothing, so it takes no passphrase.
    expect((await run(['delete', '--data', home, '--passphrase-file', secret])).err).toContain(
      "Unknown option '--passphrase-file'",
    );
  });

  it('checks its usage', async () => {
    expect(await run(['--help'])).toMatchObject({ status: 0, out: DATA_USAGE, err: '' });
    expect(await run(['export', '--help'])).toMatchObject({ status: 0, out: DATA_USAGE });
    expect((await run([])).status).toBe(2);
    expect((await run(['wipe'])).err).toContain('redline data: unknown command "wipe"');
    expect((await run(['import'])).err).toContain('redline data import: --in FILE is required');
    expect((await run(['csv'])).err).toContain('redline data csv: --scene ID is required');
    expect((await run(['delete', '--force'])).err).toContain("Unknown option '--force'");
    expect((await run(['export', 'extra'])).err).toContain('unexpected argument: extra');
  });
});
