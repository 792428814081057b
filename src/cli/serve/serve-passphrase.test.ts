import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from '../../server/store/data-dir';
import { changePassphrase, storeFileKind } from '../../server/store/encryption';
import { openStore } from '../../server/store/store';
import { captureIo } from '../capture-io';
import { EXIT } from '../io';
import { EXIT_LOCKED, type SecretSources } from '../passphrase/passphrase-sources';
import { serveCommand } from './serve-command';

/** `redline serve` with an encrypted store: where the passphrase comes from (decision 0014). */

const PASSPHRASE = 'serve me a passphrase';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir(store: 'new' | 'plain' | 'encrypted'): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-serve-pass-'));
  dirs.push(dir);
  if (store !== 'new') openStore({ path: databasePath(dir) }).close();
  if (store === 'encrypted') changePassphrase(databasePath(dir), null, PASSPHRASE);
  return dir;
}
function privateFile(dir: string, content: string, mode = 0o600): string {
  const path = join(dir, 'passphrase.txt');
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}
const secrets = (
  env: Record<string, string> = {},
  ask: SecretSources['ask'] = null,
): SecretSources => ({ env, platform: 'linux', ask });

/** Runs serve until it is up (then stops it) or until it gives up; the status and output. */
async function serve(args: string[], sources: SecretSources) {
  const capture = captureIo();
  let stop!: () => void;
  const stopWhen = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const status = await serveCommand(['--sim', '--port', '0', ...args], capture.io, {
    stopWhen,
    signals: () => () => undefined,
    onReady: () => {
      stop();
    },
    secrets: sources,
    webRoot: join(tmpdir(), 'redline-no-web-app'),
  });
  return { status, out: capture.stdout(), err: capture.stderr() };
}

describe('redline serve with an encrypted store', () => {
  it('opens it with the passphrase from REDLINE_PASSPHRASE, and says the store is encrypted', async () => {
    const data = dataDir('encrypted');
    const run = await serve(['--data', data], secrets({ REDLINE_PASSPHRASE: PASSPHRASE }));
    expect(run.status, run.err).toBe(EXIT.ok);
    expect(run.out).toContain(`Data folder:       ${data} (encrypted with your passphrase)`);
    expect(run.out + run.err).not.toContain(PASSPHRASE);
  });

  it('opens it with the first line of a private --passphrase-file (mode 0600)', async () => {
    const data = dataDir('encrypted');
    const file = privateFile(data, `${PASSPHRASE}\nthe second line is ignored\n`);
    const run = await serve(['--data', data, '--passphrase-file', file], secrets());
    expect(run.status, run.err).toBe(EXIT.ok);
  });

  it('refuses a passphrase file other users can read (0644), starting nothing', async () => {
    const data = dataDir('encrypted');
    const file = privateFile(data, PASSPHRASE, 0o644);
    const run = await serve(['--data', data, '--passphrase-file', file], secrets());
    expect(run).toEqual({
      status: EXIT.usage,
      out: '',
      err:
        `redline serve: ${file} can be read or changed by other users (its mode is 0644): ` +
        `make it private with "chmod 600 ${file}", then try again\n`,
    });
  });

  it('without a passphrase and without a terminal, exits 4 saying how to give one', async () => {
    const data = dataDir('encrypted');
    const run = await serve(['--data', data], secrets());
    expect(run.status).toBe(EXIT_LOCKED);
    expect(run.out).toBe('');
    expect(run.err).toContain(`the store at ${databasePath(data)} is encrypted`);
    expect(run.err).toContain('REDLINE_PASSPHRASE or with --passphrase-file FILE');
  });

  it('a wrong passphrase exits 4, without repeating it', async () => {
    const data = dataDir('encrypted');
    const run = await serve(
      ['--data', data],
      secrets({ REDLINE_PASSPHRASE: 'not the one at all' }),
    );
    expect(run.status).toBe(EXIT_LOCKED);
    expect(run.err).toContain('wrong passphrase, or not a Redline store');
    expect(run.err).not.toContain('not the one at all');
  });

  it('on a terminal, asks for it (three tries at most)', async () => {
    const data = dataDir('encrypted');
    const questions: string[] = [];
    const answers = ['wrong guess 1', PASSPHRASE];
    const ask = (question: string) => {
      questions.push(question);
      return Promise.resolve(answers.shift() ?? null);
    };
    const run = await serve(['--data', data], secrets({}, ask));
    expect(run.status, run.err).toBe(EXIT.ok);
    expect(questions).toEqual([
      `Passphrase of the store at ${databasePath(data)}: `,
      `Passphrase of the store at ${databasePath(data)}: `,
    ]);
    expect(run.err).toContain('That passphrase does not open the store. Try again.');

    const never = await serve(
      ['--data', data],
      secrets({}, () => Promise.resolve('wrong again')),
    );
    expect(never.status).toBe(EXIT_LOCKED);
    expect(never.err).toContain('(3 tries)');
  });

  it('creates a new store encrypted when given a passphrase of at least 8 characters', async () => {
    const data = dataDir('new');
    const short = await serve(['--data', data], secrets({ REDLINE_PASSPHRASE: 'seven c' }));
    expect(short.status).toBe(EXIT.usage);
    expect(short.err).toContain('at least 8 characters');
    const run = await serve(['--data', data], secrets({ REDLINE_PASSPHRASE: PASSPHRASE }));
    expect(run.status, run.err).toBe(EXIT.ok);
    expect(storeFileKind(databasePath(data))).toBe('encrypted');
  });

  it('refuses a passphrase for a plain store, and two sources at once', async () => {
    const plain = dataDir('plain');
    const run = await serve(['--data', plain], secrets({ REDLINE_PASSPHRASE: PASSPHRASE }));
    expect(run.status).toBe(EXIT.usage);
    expect(run.err).toContain('is not encrypted, but a passphrase was given');
    expect(storeFileKind(databasePath(plain))).toBe('plain');

    const data = dataDir('encrypted');
    const file = privateFile(data, PASSPHRASE);
    const both = await serve(
      ['--data', data, '--passphrase-file', file],
      secrets({ REDLINE_PASSPHRASE: PASSPHRASE }),
    );
    expect(both.status).toBe(EXIT.usage);
    expect(both.err).toContain('give either REDLINE_PASSPHRASE or --passphrase-file, not both');
  });

  it('has no flag that takes the passphrase itself', async () => {
    const run = await serve(['--passphrase', PASSPHRASE], secrets());
    expect(run.status).toBe(EXIT.usage);
    expect(run.err).toContain("Unknown option '--passphrase'");
  });
});
