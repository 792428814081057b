import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pairAgreement } from '../../test/fixtures/agreements';
import { captureIo } from './capture-io';
import { main } from './main';
import { USAGE } from './usage';

const dir = mkdtempSync(join(tmpdir(), 'redline-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const scenario = (timeline: unknown[]) =>
  JSON.stringify({ name: 'test', agreement: pairAgreement, timeline }, null, 2);

async function run(...argv: string[]) {
  const capture = captureIo();
  const status = await main(argv, capture.io);
  return { status, out: capture.stdout(), err: capture.stderr() };
}

describe('redline (main)', () => {
  it('--help prints the usage on stdout and exits 0', async () => {
    expect(await run('--help')).toEqual({ status: 0, out: USAGE, err: '' });
  });

  it('an unknown command or none prints the usage on stderr and exits 2', async () => {
    const unknown = await run('simulate');
    expect(unknown).toMatchObject({ status: 2, out: '' });
    expect(unknown.err).toBe(`redline: unknown command "simulate"\n\n${USAGE}`);
    expect(await run()).toEqual({ status: 2, out: '', err: USAGE });
  });
});

describe('redline sim: bad input exits 2 and runs nothing', () => {
  const good = file('good.json', scenario([{ t: 0, do: 'start' }]));

  it.each([
    [['sim'], '--scenario FILE is required'],
    [['sim', '--scenario'], "Option '--scenario <value>' argument missing"],
    [['sim', '--scenario', good, '--jsn'], "Unknown option '--jsn'"],
    [['sim', '--scenario', good, 'extra'], 'unexpected argument: extra'],
    [['sim', '--scenario', join(dir, 'missing.json')], 'missing.json: no such file'],
    [['sim', '--scenario', dir], 'it is a directory'],
    [['sim', '--scenario', good, '--scan-ms', '10'], '--scan-ms only applies with --buttplug URL'],
    [['sim', '--scenario', good, '--buttplug', '127.0.0.1:12345'], 'must be a ws:// or wss://'],
    [['sim', '--scenario', good, '--buttplug', 'ws://127.0.0.1:1', '--scan-ms', '1e3'], 'whole'],
    [['sim', '--scenario', good, '--buttplug'], "Option '--buttplug <value>' argument missing"],
  ])('%j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.status).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
  });

  it('says where invalid JSON broke', async () => {
    const path = file('broken.json', '{\n  "name": "x",\n  "agreement": {,\n}');
    const result = await run('sim', '--scenario', path);
    expect(result).toMatchObject({ status: 2, out: '' });
    expect(result.err).toMatch(/broken\.json is not valid JSON: .* at line 3, column 17\n$/);
  });

  it('names every invalid field', async () => {
    const path = file(
      'invalid.json',
      scenario([
        { t: 0, do: 'start' },
        { t: 0, do: 'intensity', device: 'wand', feature: 'vibrate', value: 2 },
        { t: 10, do: 'safeword', word: 'blue' },
      ]),
    );
    const result = await run('sim', '--scenario', path, '--json');
    expect(result).toMatchObject({ status: 2, out: '' });
    expect(result.err).toBe(
      [
        `redline sim: ${path} is not a valid scenario:`,
        'redline sim:   timeline[1].value: must be at most 1',
        'redline sim:   timeline[2].word: must be "red" or "yellow"',
        '',
      ].join('\n'),
    );
  });

  it('reports a log file it cannot write, before running anything', async () => {
    const result = await run(
      'sim',
      '--scenario',
      good,
      '--log',
      join(dir, 'no', 'such', 'x.jsonl'),
    );
    expect(result).toMatchObject({ status: 2, out: '' });
    expect(result.err).toContain('cannot write the log');
  });
});

describe('redline sim: running', () => {
  it('takes the scene id from the file name and ends at untilMs if nothing else ends it', async () => {
    const path = file(
      'never-started.json',
      JSON.stringify({
        name: 'x',
        agreement: pairAgreement,
        untilMs: 3000,
        tickMs: 1000,
        timeline: [],
      }),
    );
    const result = await run('sim', '--scenario', path, '--json');
    expect(result.status).toBe(0);
    const lines = result.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(lines[0]).toMatchObject({ type: 'scene', sceneId: 'never-started' });
    // Heartbeats and ticks at 0, 1000, 2000, 3000, and the creation: 9 events.
    expect(lines.at(-1)).toEqual({ t: 3000, type: 'end', phase: 'setup', stop: null, events: 9 });
  });

  it('shows a refused event with its reason', async () => {
    const path = file(
      'early.json',
      scenario([
        { t: 0, do: 'intensity', device: 'wand', feature: 'vibrate', value: 0.5 },
        { t: 0, do: 'end' },
      ]),
    );
    const result = await run('sim', '--scenario', path, '--json');
    expect(result.out).toContain(
      '{"t":0,"type":"rejected","event":"intensity.requested","reason":"the scene has not started"}',
    );
    expect(result.out).toContain('{"t":0,"type":"phase","phase":"closed","from":"setup"}');
  });

  it('a silent panel stops the scene after the agreed timeout (S5)', async () => {
    const path = file(
      'silent.json',
      scenario([
        { t: 1000, do: 'start' },
        { t: 1000, do: 'intensity', device: 'wand', feature: 'vibrate', value: 0.3 },
        { t: 10_000, do: 'panel-silent' },
      ]),
    );
    const result = await run('sim', '--scenario', path, '--json');
    // The last heartbeat came at 10000 (before the action); the timeout is 5 s.
    expect(result.out).toContain('{"t":10000,"type":"action","do":"panel-silent"}');
    expect(result.out).toContain('{"t":15000,"type":"stop","cause":"panel-lost","by":"system"}');
  });
});
