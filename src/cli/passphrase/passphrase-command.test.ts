import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from '../../server/store/data-dir';
import { opensWith, storeFileKind } from '../../server/store/encryption';
import { openStore } from '../../server/store/store';
import { captureIo } from '../capture-io';
import { EXIT } from '../io';
import { passphraseCommand, PASSPHRASE_USAGE } from './passphrase-command';
import { EXIT_LOCKED, type SecretSources } from './passphrase-sources';

const FIRST = 'the first passphrase';
const SECOND = 'the second passphrase';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** A data folder with a plain store holding one negotiation's names. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-passphrase-'));
  dirs.push(dir);
  openStore({ path: databasePath(dir) }).close();
  return dir;
}
const secrets = (
  env: Record<string, string> = {},
  answers: (string | null)[] | null = null,
): SecretSources & { questions: string[] } => {
  const questions: string[] = [];
  return {
    env,
    platform: 'linux',
    questions,
    ask:
      answers === null
        ? null
        : (question) => {
            questions.push(question);
            return Promise.resolve(answers.shift() ?? null);
          },
  };
};
async function run(args: string[], sources: SecretSources) {
  const capture = captureIo();
  const status = await passphraseCommand(args, capture.io, { secrets: sources });
  return { status, out: capture.stdout(), err: capture.stderr() };
}

describe('redline passphrase', () => {
  it('sets, changes and removes the passphrase from the environment, each checked', async () => {
    const data = dataDir();
    const path = databasePath(data);
    const set = await run(['--set', '--data', data], secrets({ REDLINE_NEW_PASSPHRASE: FIRST }));
    expect(set, set.err).toMatchObject({ status: EXIT.ok, err: '' });
    expect(set.out).toContain(`The store at ${path} is now encrypted.`);
    expect(storeFileKind(path)).toBe('encrypted');
    expect(opensWith(path, FIRST)).toBe(true);

    const change = await run(
      ['--change', '--data', data],
      secrets({ REDLINE_PASSPHRASE: FIRST, REDLINE_NEW_PASSPHRASE: SECOND }),
    );
    expect(change, change.err).toMatchObject({ status: EXIT.ok });
    expect(opensWith(path, SECOND)).toBe(true);
    expect(opensWith(path, FIRST)).toBe(false);

    const remove = await run(['--remove', '--data', data], secrets({ REDLINE_PASSPHRASE: SECOND }));
    expect(remove, remove.err).toMatchObject({ status: EXIT.ok });
    expect(remove.out).toContain('is no longer encrypted');
    expect(storeFileKind(path)).toBe('plain');
    for (const r of [set, change, remove]) expect(r.out + r.err).not.toMatch(/first|second/);
  });

  it('reads both passphrases from private files', async () => {
    const data = dataDir();
    const secretDir = mkdtempSync(join(tmpdir(), 'redline-passphrase-files-'));
    dirs.push(secretDir);
    const file = (name: string, text: string) => {
      const p = join(secretDir, name);
      writeFileSync(p, text, { mode: 0o600 });
      return p;
    };
    const first = file('first', `${FIRST}\n`);
    const second = file('second', `${SECOND}\r\n`);
    expect(
      (await run(['--set', '--data', data, '--new-passphrase-file', first], secrets())).status,
    ).toBe(EXIT.ok);
    const change = await run(
      ['--change', '--data', data, '--passphrase-file', first, '--new-passphrase-file', second],
      secrets(),
    );
    expect(change.status, change.err).toBe(EXIT.ok);
    expect(opensWith(databasePath(data), SECOND)).toBe(true);
    chmodSync(second, 0o640);
    const open = await run(['--remove', '--data', data, '--passphrase-file', second], secrets());
    expect(open.status).toBe(EXIT.usage);
    expect(open.err).toContain('can be read or changed by other users (its mode is 0640)');
  });

  it('on a terminal, asks for the current one and for the new one twice', async () => {
    const data = dataDir();
    const setting = secrets({}, [FIRST, FIRST]);
    expect((await run(['--set', '--data', data], setting)).status).toBe(EXIT.ok);
    expect(setting.questions).toEqual([
      'New passphrase (at least 8 characters): ',
      'The new passphrase again: ',
    ]);
    const changing = secrets({}, [FIRST, SECOND, SECOND]);
    expect((await run(['--change', '--data', data], changing)).status).toBe(EXIT.ok);
    expect(changing.questions[0]).toBe(`Passphrase of the store at ${databasePath(data)}: `);
    expect(opensWith(databasePath(data), SECOND)).toBe(true);
  });

  it('changes nothing when the two entries differ, the new one is short, or the current one is wrong', async () => {
    const data = dataDir();
    const path = databasePath(data);
    const differ = await run(['--set', '--data', data], secrets({}, [FIRST, SECOND]));
    expect(differ).toMatchObject({ status: EXIT.usage, out: '' });
    expect(differ.err).toContain('the two entries differ: nothing was changed');
    const short = await run(
      ['--set', '--data', data],
      secrets({ REDLINE_NEW_PASSPHRASE: 'short' }),
    );
    expect(short.err).toContain('at least 8 characters');
    expect(storeFileKind(path)).toBe('plain');

    await run(['--set', '--data', data], secrets({ REDLINE_NEW_PASSPHRASE: FIRST }));
    const before = readFileSync(path);
    const wrong = await run(
      ['--change', '--data', data],
      secrets({ REDLINE_PASSPHRASE: 'not it at all', REDLINE_NEW_PASSPHRASE: SECOND }),
    );
    expect(wrong.status).toBe(EXIT_LOCKED);
    expect(wrong.err).toContain('wrong passphrase');
    const same = await run(
      ['--change', '--data', data],
      secrets({ REDLINE_PASSPHRASE: FIRST, REDLINE_NEW_PASSPHRASE: FIRST }),
    );
    expect(same.err).toContain('the new passphrase is the same as the current one');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('without a terminal, exits 4 when the current passphrase is missing', async () => {
    const data = dataDir();
    await run(['--set', '--data', data], secrets({ REDLINE_NEW_PASSPHRASE: FIRST }));
    const remove = await run(['--remove', '--data', data], secrets());
    expect(remove.status).toBe(EXIT_LOCKED);
    expect(remove.err).toContain('REDLINE_PASSPHRASE or with --passphrase-file FILE');
    const change = await run(['--change', '--data', data], secrets({ REDLINE_PASSPHRASE: FIRST }));
    expect(change.status).toBe(EXIT.usage);
    expect(change.err).toContain('REDLINE_NEW_PASSPHRASE or with --new-passphrase-file FILE');
  });

  it('says to close Redline first while the store is open elsewhere', async () => {
    const data = dataDir();
    const server = openStore({ path: databasePath(data) });
    try {
      const result = await run(
        ['--set', '--data', data],
        secrets({ REDLINE_NEW_PASSPHRASE: FIRST }),
      );
      expect(result.status).toBe(EXIT.usage);
      expect(result.err).toContain('close Redline first');
    } finally {
      server.close();
    }
    expect(storeFileKind(databasePath(data))).toBe('plain');
  });

  it('refuses what does not fit the store, and bad flags', async () => {
    const data = dataDir();
    const cases: [string[], Record<string, string>, string][] = [
      [['--data', data], {}, 'give one of --set, --change and --remove'],
      [['--set', '--remove', '--data', data], {}, 'give one of --set, --change and --remove'],
      [['--change', '--data', data], {}, 'has no passphrase: use --set'],
      [['--remove', '--data', data], {}, 'has no passphrase'],
      [['--set', '--data', data], { REDLINE_PASSPHRASE: FIRST }, 'has no passphrase yet'],
      [['--set', '--passphrase', FIRST], {}, "Unknown option '--passphrase'"],
    ];
    for (const [args, env, message] of cases) {
      const result = await run(args, secrets(env));
      expect(result.status, args.join(' ')).toBe(EXIT.usage);
      expect(result.err).toContain(message);
      expect(result.err).toMatch(/^redline passphrase: /);
    }
    await run(['--set', '--data', data], secrets({ REDLINE_NEW_PASSPHRASE: FIRST }));
    const again = await run(['--set', '--data', data], secrets({ REDLINE_NEW_PASSPHRASE: SECOND }));
    expect(again.err).toContain('already has a passphrase: use --change or --remove');
    expect(existsSync(`${databasePath(data)}-wal`)).toBe(false);
  });

  it('--help prints its usage', async () => {
    expect(await run(['--help'], secrets())).toEqual({
      status: EXIT.ok,
      out: PASSPHRASE_USAGE,
      err: '',
    });
  });
});
