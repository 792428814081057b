import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pairAgreement } from '../../../test/fixtures/agreements';
import { captureIo } from '../capture-io';
import { main } from '../main';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redline-replay-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function run(...argv: string[]) {
  const capture = captureIo();
  const status = await main(argv, capture.io);
  return { status, out: capture.stdout(), err: capture.stderr() };
}

/** `sim --json --log`, then `replay --json` of that log. */
async function simThenReplay(scenarioPath: string, name: string) {
  const log = join(dir, `${name}.jsonl`);
  const sim = await run('sim', '--scenario', scenarioPath, '--json', '--log', log);
  const replay = await run('replay', log, '--json');
  return { sim, replay, log };
}

describe('redline replay', () => {
  it.each(readdirSync(EXAMPLES).filter((n) => n.endsWith('.json')))(
    'S7: replay --json of %s’s log equals sim --json',
    async (name) => {
      const { sim, replay } = await simThenReplay(join(EXAMPLES, name), name);
      expect(sim).toMatchObject({ status: 0, err: '' });
      expect(replay).toMatchObject({ status: 0, err: '' });
      expect(replay.out).toBe(sim.out);
    },
  );

  it('prints the readable form too, the same as sim without its title', async () => {
    const path = join(EXAMPLES, 'yellow.json');
    const sim = await run('sim', '--scenario', path, '--log', join(dir, 'readable.jsonl'));
    const replay = await run('replay', join(dir, 'readable.jsonl'));
    expect(sim.out.endsWith(replay.out)).toBe(true);
    expect(replay.out.startsWith('  00:00.000  scene      yellow, pair mode')).toBe(true);
  });

  it('shows everything but the panel going silent or coming back, which are not scene events', async () => {
    const scenario = join(dir, 'panel.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        name: 'panel',
        agreement: pairAgreement,
        timeline: [
          { t: 1000, do: 'start' },
          { t: 3000, do: 'panel-silent' },
          { t: 5000, do: 'panel-back' },
          { t: 9000, do: 'panel-silent' },
        ],
      }),
    );
    const { sim, replay } = await simThenReplay(scenario, 'panel');
    const panelActions = /^\{"t":\d+,"type":"action","do":"panel-(silent|back)"\}\n/gm;
    expect(sim.out.match(panelActions)).toHaveLength(3);
    expect(replay.out).toBe(sim.out.replace(panelActions, ''));
    expect(replay.out).toContain('"type":"stop","cause":"panel-lost"');
  });

  it('writes the full event log: scene.created first, then every event sent', async () => {
    const { log } = await simThenReplay(join(EXAMPLES, 'solo.json'), 'solo-log');
    const types = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types[0]).toBe('scene.created');
    expect(types.slice(1, 4)).toEqual(['panel.heartbeat', 'signal.held', 'tick']);
    expect(new Set(types)).toEqual(
      new Set([
        'scene.created',
        'panel.heartbeat',
        'tick',
        'signal.held',
        'scene.start',
        'checkin.answered',
        'orgasm.marked',
        'signal.released',
      ]),
    );
  });
});

describe('redline replay: an untrusted log is validated line by line (exit 2, nothing printed)', () => {
  const created = JSON.stringify({
    type: 'scene.created',
    at: 0,
    sceneId: 's',
    agreement: pairAgreement,
    devices: [],
  });
  /** Expected stderr lines; a trailing `*` matches the rest of the line. */
  const cases: [string, string, string[]][] = [
    ['empty', '\n', ['the log is empty: a scene log starts with scene.created']],
    [
      'not first',
      `{"type":"tick","at":0}\n${created}\n`,
      ['line 1: type: a scene log starts with scene.created'],
    ],
    [
      'bad lines',
      `${created}\n{"type":"tick","at":"soon"}\n\n{"type":"safeword","at":5,"by":"submissive","word":"blue"}\nnot json\n`,
      [
        'line 2: at: must be a whole number of milliseconds',
        'line 4: word: must be "yellow" or "red"',
        // The JSON parser's own words vary by Node version; the line number does not.
        'line 5: not valid JSON: *',
      ],
    ],
    [
      'devices that would drive each other',
      `${created.replace('"devices":[]', '"devices":[{"id":"a/b","name":"A","features":[{"id":"c","kind":"vibrate"}]},{"id":"a","name":"B","features":[{"id":"b/c","kind":"vibrate"}]}]')}\n`,
      [
        'line 1: devices[0].id: must not contain "/" (outputs are named device/feature)',
        'line 1: devices[1].features[0].id: must not contain "/" (outputs are named device/feature)',
      ],
    ],
    [
      'bad agreement',
      `${created.replace('"ceiling":0.8', '"ceiling":8')}\n`,
      ['line 1: agreement.outputs.vibrate.ceiling: must be at most 1'],
    ],
  ];
  it.each(cases)('%s', async (name, content, problems) => {
    const path = join(dir, `${name}.jsonl`);
    writeFileSync(path, content);
    const result = await run('replay', path);
    expect(result).toMatchObject({ status: 2, out: '' });
    const expected = [
      `${path} is not a valid scene log (nothing was replayed):`,
      ...problems.map((p) => `  ${p}`),
    ].map((line): unknown =>
      line.endsWith('*')
        ? expect.stringMatching(`^redline replay: ${escape(line.slice(0, -1))}.+`)
        : `redline replay: ${line}`,
    );
    expect(result.err.split('\n')).toEqual([...expected, '']);
  });

  it('needs exactly one readable file', async () => {
    expect((await run('replay')).err).toContain('a log FILE is required');
    expect((await run('replay', 'a', 'b')).err).toContain('unexpected argument: b');
    expect((await run('replay', join(dir, 'nope.jsonl'))).err).toContain('no such file');
    expect((await run('replay', 'x', '--log', 'y')).status).toBe(2);
  });
});
