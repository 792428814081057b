import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJson, readText } from './read-input';

describe('reading untrusted input files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redline-read-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a file, and refuses a missing one, a directory or one too large', () => {
    const file = join(dir, 'small.json');
    writeFileSync(file, '{"a":1}');
    expect(readText(file)).toStrictEqual({ ok: true, value: '{"a":1}' });
    expect(readText(join(dir, 'missing.json'))).toStrictEqual({
      ok: false,
      errors: [`cannot read ${join(dir, 'missing.json')}: no such file`],
    });
    expect(readText(dir)).toStrictEqual({
      ok: false,
      errors: [`cannot read ${dir}: it is a directory`],
    });
    expect(readText(file, 3)).toStrictEqual({
      ok: false,
      errors: [`cannot read ${file}: it is larger than 3 bytes`],
    });
  });

  it('says where JSON broke', () => {
    expect(parseJson('{\n  "a": 1,\n  oops\n}')).toMatchObject({ ok: false });
    const result = parseJson('{\n  "a": 1,\n  oops\n}');
    expect(result.ok ? '' : result.errors[0]).toMatch(/line 3, column 3/);
  });
});
