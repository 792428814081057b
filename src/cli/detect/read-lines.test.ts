import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachLine, type Line } from './read-lines';

const dir = mkdtempSync(join(tmpdir(), 'redline-lines-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function lines(path: string, limits?: { maxBytes: number; maxLineChars: number }) {
  const seen: Line[] = [];
  const result = await forEachLine(
    path,
    (line) => {
      seen.push(line);
      return undefined;
    },
    limits,
  );
  return { result, seen };
}

describe('forEachLine', () => {
  it('gives every non-blank line with its number; CRLF and a byte-order mark are dropped', async () => {
    const { result, seen } = await lines(file('crlf.csv', '\uFEFFa,b\r\n\r\n1,2\r\n  \n3,4'));
    expect(result).toEqual({ ok: true, value: undefined });
    expect(seen).toEqual([
      { text: 'a,b', n: 1, terminated: true },
      { text: '1,2', n: 3, terminated: true },
      { text: '3,4', n: 5, terminated: false },
    ]);
  });

  it('streams a file far larger than one read, lines split across reads intact', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},${1000 + (i % 97)},é`);
    const { result, seen } = await lines(file('big.csv', `${rows.join('\n')}\n`));
    expect(result.ok).toBe(true);
    expect(seen.map((l) => l.text)).toEqual(rows);
    expect(seen.every((l) => l.terminated)).toBe(true);
  });

  it('stops at the first error its callback returns', async () => {
    const path = file('stop.csv', 'a\nb\nc\n');
    const seen: string[] = [];
    const result = await forEachLine(path, ({ text, n }) => {
      seen.push(text);
      return text === 'b' ? `line ${n}: no b` : undefined;
    });
    expect(result).toEqual({ ok: false, errors: ['line 2: no b'] });
    expect(seen).toEqual(['a', 'b']);
  });

  it.each([
    ['missing', () => join(dir, 'nope.csv'), 'nope.csv: no such file'],
    ['a directory', () => dir, 'it is a directory'],
    [
      'not UTF-8',
      () => file('latin1.csv', Buffer.from([0x61, 0x0a, 0xff, 0xfe, 0x0a])),
      'it is not UTF-8 text',
    ],
  ])('refuses a file that is %s', async (_, path, message) => {
    const { result } = await lines(path());
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain(message);
  });

  it('refuses a file over the size bound before reading it', async () => {
    const path = file('large.csv', 'x'.repeat(2000));
    const { result, seen } = await lines(path, { maxBytes: 1000, maxLineChars: 100 });
    expect(result).toEqual({
      ok: false,
      errors: [`${path} is 2000 bytes, more than the 1000 a trace may have: split it`],
    });
    expect(seen).toEqual([]);
  });

  it('refuses a line over the length bound, even without a newline', async () => {
    const long = file('long.csv', `a\n${'x'.repeat(500)}\nb\n`);
    expect((await lines(long, { maxBytes: 10_000, maxLineChars: 100 })).result).toEqual({
      ok: false,
      errors: ['line 2 is longer than 100 characters: this is not a text trace'],
    });
    const endless = file('endless.bin', 'y'.repeat(300_000));
    expect((await lines(endless)).result).toMatchObject({
      ok: false,
      errors: ['line 1 is longer than 65536 characters: this is not a text trace'],
    });
  });
});
