import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sceneEventSchema } from '../core';
import { created } from '../../test/fixtures/agreements';
import { openJsonLinesEventLog } from './jsonl-event-log';

describe('openJsonLinesEventLog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redline-log-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one valid scene event per line, in order', () => {
    const path = join(dir, 'scene.jsonl');
    const log = openJsonLinesEventLog(path);
    log.append(created());
    log.append({ type: 'tick', at: 100 });
    log.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    const events = lines.slice(0, -1).map((l) => sceneEventSchema.parse(JSON.parse(l)));
    expect(events.map((e) => e.type)).toEqual(['scene.created', 'tick']);
    expect(() => {
      log.append({ type: 'tick', at: 200 });
    }).toThrow(/closed/);
  });

  it('throws on open when the file cannot be written', () => {
    expect(() => openJsonLinesEventLog(join(tmpdir(), 'no-such-dir-redline', 'x.jsonl'))).toThrow();
  });
});
