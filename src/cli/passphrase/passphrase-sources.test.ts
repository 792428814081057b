import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { askHidden } from './hidden-prompt';
import { givenPassphrase, readPassphraseFile, type SecretSources } from './passphrase-sources';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function file(content: string, mode: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-pass-file-'));
  dirs.push(dir);
  const path = join(dir, 'pass');
  writeFileSync(path, content);
  chmodSync(path, mode); // exactly, whatever the umask
  return path;
}
const sources = (env: Record<string, string>): SecretSources => ({
  env,
  platform: 'linux',
  ask: null,
});
const flag = (path?: string) => ({ flag: '--passphrase-file', path });

describe('passphrase sources', () => {
  it('takes the environment variable, an empty one counting as none', () => {
    expect(
      givenPassphrase(sources({ REDLINE_PASSPHRASE: 'from env 1' }), 'REDLINE_PASSPHRASE', flag()),
    ).toEqual({
      ok: true,
      value: 'from env 1',
    });
    expect(
      givenPassphrase(sources({ REDLINE_PASSPHRASE: '' }), 'REDLINE_PASSPHRASE', flag()),
    ).toEqual({
      ok: true,
      value: null,
    });
  });

  it('takes the first line of a private file, as it is (spaces kept, a BOM and CRLF not)', () => {
    expect(readPassphraseFile(file('\uFEFF two words  \r\nsecond\n', 0o600), 'linux')).toEqual({
      ok: true,
      value: ' two words  ',
    });
    expect(readPassphraseFile(file('\nlater', 0o600), 'linux')).toMatchObject({ ok: false });
    expect(readPassphraseFile(file('x', 0o400), 'linux')).toMatchObject({ ok: true });
  });

  it('refuses a file group or others may read or change, except on Windows', () => {
    for (const mode of [0o640, 0o604, 0o620, 0o644]) {
      const result = readPassphraseFile(file('a passphrase', mode), 'linux');
      expect(result.ok, mode.toString(8)).toBe(false);
    }
    expect(readPassphraseFile(file('a passphrase', 0o644), 'win32')).toMatchObject({ ok: true });
    expect(readPassphraseFile('/nonexistent/pass', 'linux')).toEqual({
      ok: false,
      errors: ['cannot read /nonexistent/pass: no such file'],
    });
  });

  it('refuses the environment and a file together', () => {
    const path = file('a passphrase', 0o600);
    expect(
      givenPassphrase(
        sources({ REDLINE_PASSPHRASE: 'from env 1' }),
        'REDLINE_PASSPHRASE',
        flag(path),
      ),
    ).toEqual({
      ok: false,
      errors: ['give either REDLINE_PASSPHRASE or --passphrase-file, not both'],
    });
  });
});

describe('askHidden', () => {
  it('shows the question, never what is typed, and returns the line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    const answer = askHidden('Passphrase: ', input, output);
    input.write('hunter2 is long\r');
    expect(await answer).toBe('hunter2 is long');
    expect(shown).toContain('Passphrase: ');
    expect(shown).not.toContain('hunter2');
  });

  it('returns null when the input ends', async () => {
    const input = new PassThrough();
    const answer = askHidden('Passphrase: ', input, new PassThrough());
    input.end();
    expect(await answer).toBeNull();
  });
});
