import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTrace, type OrgasmLabel, type Sample, type Trace } from '../../core';
import { captureIo } from '../capture-io';
import { main } from '../main';
import { USAGE } from '../usage';
import { formatCsvTrace } from './csv-trace';
import { EXAMPLE_TRACES_DIR, exampleLogTrace } from './example-traces';

const dir = mkdtempSync(join(tmpdir(), 'redline-detect-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const example = (name: string) => join(EXAMPLE_TRACES_DIR, name);

async function run(...argv: string[]) {
  const capture = captureIo();
  const status = await main(['detect', ...argv], capture.io);
  return { status, out: capture.stdout(), err: capture.stderr() };
}

/** stdout must be JSON lines of exactly t_ms, type and confidence, in that order. */
const EVENT_LINE = /^\{"t_ms":\d+(\.\d+)?,"type":"(orgasm|distress)","confidence":(0|1|0\.\d+)\}$/;
type Event = { t_ms: number; type: 'orgasm' | 'distress'; confidence: number };
function eventsOf(out: string): Event[] {
  if (out === '') return [];
  expect(out.endsWith('\n')).toBe(true);
  const lines = out.slice(0, -1).split('\n');
  for (const line of lines) expect(line).toMatch(EVENT_LINE);
  return lines.map((line) => JSON.parse(line) as Event);
}

const orgasmOf = (trace: Trace): OrgasmLabel => {
  const label = trace.labels.find((l): l is OrgasmLabel => l.type === 'orgasm');
  if (label === undefined) throw new Error('the trace has no orgasm');
  return label;
};

const good = file(
  'good.csv',
  formatCsvTrace(generateTrace({ durationMs: 60_000, orgasm: 'none' }, 1).samples),
);

describe('redline detect: bad usage exits 2 and prints nothing on stdout', () => {
  it.each([
    [[], '--input FILE is required'],
    [['--input'], "Option '--input <value>' argument missing"],
    [['--input', good, '--jsn'], "Unknown option '--jsn'"],
    [['--input', good, 'extra'], 'unexpected argument: extra'],
    [
      ['--input', good, '--format', 'xml'],
      '--format must be csv, eom-log or eom-stream, not "xml"',
    ],
    [
      ['--input', good, '--detector', 'nope'],
      '--detector must be redline or eom-baseline, not "nope"',
    ],
    [
      ['--input', good, '--sensitivity', 'max'],
      '--sensitivity must be low, normal or high, not "max"',
    ],
    [
      ['--input', good, '--hr-ceiling', 'fast'],
      '--hr-ceiling must be a whole number of beats per minute from 60 to 250, not "fast"',
    ],
    [['--input', good, '--hr-ceiling', '59'], 'from 60 to 250, not "59"'],
    [['--input', good, '--hr-ceiling', '251'], 'from 60 to 250, not "251"'],
    [['--input', good, '--hr-ceiling', '120.5'], 'from 60 to 250, not "120.5"'],
    [['--input', good, '--hr-ceiling', '1e2'], 'from 60 to 250, not "1e2"'],
    [
      ['--input', good, '--hr-ceiling', '150', '--hr-sustain', '0'],
      '--hr-sustain must be a whole number of seconds from 1 to 600, not "0"',
    ],
    [['--input', good, '--hr-ceiling', '150', '--hr-sustain', '601'], 'from 1 to 600, not "601"'],
    [['--input', good, '--hr-sustain', '10'], '--hr-sustain only applies with --hr-ceiling BPM'],
    [['--input', join(dir, 'missing.csv')], 'missing.csv: no such file'],
    [['--input', dir], 'it is a directory'],
  ])('%j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.status).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
    expect(
      result.err
        .split('\n')
        .slice(0, -1)
        .every((l) => l.startsWith('redline detect: ')),
    ).toBe(true);
  });

  it('lists every bad flag at once', async () => {
    const result = await run('--format', 'x', '--detector', 'y', '--sensitivity', 'z');
    expect(result).toMatchObject({ status: 2, out: '' });
    expect(result.err.split('\n')).toEqual([
      'redline detect: --input FILE is required',
      'redline detect: --format must be csv, eom-log or eom-stream, not "x"',
      'redline detect: --detector must be redline or eom-baseline, not "y"',
      'redline detect: --sensitivity must be low, normal or high, not "z"',
      'redline detect: see redline --help',
      '',
    ]);
  });

  it('--help prints the usage, which lists detect', async () => {
    expect(await run('--help')).toEqual({ status: 0, out: USAGE, err: '' });
    expect(USAGE).toContain('detect --input FILE');
  });
});

describe('redline detect: a malformed trace exits 2, says where, and prints nothing on stdout', () => {
  it('names the line of a time that goes back', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${150 + 100 * i},1500`);
    const path = file('back.csv', `t_ms,pressure\n${rows.join('\n')}\n1200,1500\n1300,1500\n`);
    expect(await run('--input', path)).toEqual({
      status: 2,
      out: '',
      err: `redline detect: ${path}: line 14: t_ms 1200 is not after the previous 1250\n`,
    });
  });

  it('prints none of the events found before the problem', async () => {
    const trace = generateTrace({ orgasm: { at_ms: 150_000, regularSeries: true } }, 3);
    const full = file('whole.csv', formatCsvTrace(trace.samples));
    expect(eventsOf((await run('--input', full)).out).length).toBeGreaterThan(0);
    const broken = file('broken-tail.csv', `${formatCsvTrace(trace.samples)}999999999,oops,,\n`);
    const result = await run('--input', broken);
    expect(result).toMatchObject({ status: 2, out: '' });
    expect(result.err).toContain(
      `line ${trace.samples.length + 2}, column 2 (pressure): "oops" is not a number`,
    );
  });

  it.each([
    [
      'too few samples',
      'few.csv',
      't_ms,pressure\n0,1\n100,1\n',
      'too few samples: 2; at least 10 are needed',
    ],
    [
      'an Edge-o-Matic log read as CSV',
      'log-20240101-120000.csv',
      'millis,pressure,avg_pressure,arousal,motor_speed,sensitivity_threshold\n',
      'use --format eom-log',
    ],
    [
      'a broken stream capture (.jsonl: eom-stream by default)',
      'capture.jsonl',
      '{"readings":{"pressure":1}}\n',
      'line 1: readings.pavg: is required',
    ],
  ])('%s', async (_, name, content, message) => {
    const result = await run('--input', file(name, content));
    expect(result).toMatchObject({ status: 2, out: '' });
    expect(result.err).toContain(message);
  });
});

describe('redline detect: output', () => {
  it('prints only JSON lines on stdout, and a summary on stderr', async () => {
    const result = await run('--input', example('generated.csv'));
    expect(result.status).toBe(0);
    const events = eventsOf(result.out);
    expect(events.length).toBeGreaterThan(0);
    expect(result.err).toMatch(
      /^redline detect: 4\d{3} samples \(csv\), 0:00\.0–4:59\.9, about 15\.0 Hz; detector redline: \d+ orgasm, 0 distress\n$/,
    );
  });

  it('reads the example Edge-o-Matic stream capture and log, and says how it read the log', async () => {
    expect(await run('--input', example('eom-stream.jsonl'))).toMatchObject({ status: 0 });
    const log = await run('--input', example('eom-log.csv'), '--format', 'eom-log');
    expect(log.status).toBe(0);
    expect(log.err).toContain('note: Edge-o-Matic log from the ESP-IDF firmware');
    const onset = orgasmOf(exampleLogTrace()).t_ms;
    const orgasms = eventsOf(log.out).filter((e) => e.type === 'orgasm');
    expect(orgasms.some((e) => e.t_ms >= onset && e.t_ms <= onset + 10_000)).toBe(true);
  });

  it('any extension other than .jsonl/.ndjson is read as CSV', async () => {
    const path = file('trace.txt', readFileSync(good, 'utf8'));
    expect(await run('--input', path)).toMatchObject({ status: 0 });
    expect((await run('--input', path, '--format', 'eom-stream')).err).toContain(
      'line 1: not a JSON frame',
    );
  });

  it('heart-rate flags reach the detector: above the ceiling long enough is distress', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => {
      const t = i * 100;
      const hr = i % 10 === 0 ? (t >= 30_000 ? 150 : 70) : '';
      return `${t},1500,${hr}`;
    });
    const path = file('hr.csv', `t_ms,pressure,hr\n${rows.join('\n')}\n`);
    expect(eventsOf((await run('--input', path)).out)).toEqual([]);
    const events = eventsOf(
      (await run('--input', path, '--hr-ceiling', '120', '--hr-sustain', '5')).out,
    );
    expect(events).toEqual([{ t_ms: 35_000, type: 'distress', confidence: 1 }]);
  });

  it('runs the Edge-o-Matic-style baseline and every sensitivity', async () => {
    for (const argv of [
      ['--detector', 'eom-baseline'],
      ['--sensitivity', 'low'],
      ['--sensitivity', 'high'],
    ]) {
      const result = await run('--input', example('generated.csv'), ...argv);
      expect(result.status).toBe(0);
      eventsOf(result.out);
    }
  });
});

describe('redline detect: detection is causal, as it must be live', () => {
  const trace = generateTrace({ orgasm: { intensity: 'intense', regularSeries: true } }, 11);
  const upTo = (samples: readonly Sample[], t: number) => samples.filter((s) => s.t_ms <= t);

  it('a file cut short yields exactly the events of the whole file up to its last sample', async () => {
    const whole = eventsOf(
      (await run('--input', file('causal-whole.csv', formatCsvTrace(trace.samples)))).out,
    );
    expect(whole.length).toBeGreaterThan(0);
    const times = new Set(trace.samples.map((s) => s.t_ms));
    for (const e of whole) expect(times.has(e.t_ms)).toBe(true);
    const onset = orgasmOf(trace).t_ms;
    const cuts = [
      ...whole.map((e) => e.t_ms),
      ...whole.map((e) => e.t_ms - 1),
      onset,
      onset + 1500,
      60_000,
    ];
    for (const cut of cuts) {
      const samples = upTo(trace.samples, cut);
      const last = samples.at(-1)?.t_ms ?? 0;
      const path = file(`causal-${cut}.csv`, formatCsvTrace(samples));
      const prefix = eventsOf((await run('--input', path)).out);
      expect(prefix).toEqual(whole.filter((e) => e.t_ms <= last));
    }
  });
});

describe('docs/cli.md: detect', () => {
  const docs = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8');
  const blockAfter = (marker: string) => {
    const start = docs.indexOf('```\n', docs.indexOf(marker)) + 4;
    return docs.slice(start, docs.indexOf('```', start));
  };

  it('its CSV example is an excerpt of examples/traces/generated.csv, header and all', () => {
    const [header, ...rows] = blockAfter('A few rows of').trimEnd().split('\n');
    const real = readFileSync(example('generated.csv'), 'utf8').split('\n');
    expect(header).toBe(real[0]);
    const at = real.indexOf(rows[0] ?? '');
    expect(at).toBeGreaterThan(0);
    expect(real.slice(at, at + rows.length)).toEqual(rows);
  });

  it('its stream capture example is valid frames', async () => {
    const frames = blockAfter('### Edge-o-Matic stream captures');
    let stamp = 0;
    const lines = frames.repeat(10).replace(/"millis":198452/g, () => `"millis":${(stamp += 67)}`);
    expect(await run('--input', file('docs.jsonl', lines))).toMatchObject({ status: 0 });
  });
});

describe('redline detect: a generated trace detects its orgasm', () => {
  // Needs the real detector (src/core/detection/detector.ts), not a stub.
  it.each([
    [10, 'moderate', 21],
    [15, 'mild', 22],
    [50, 'intense', 23],
    [100, 'moderate', 24],
  ] as const)('at %i Hz (%s)', async (sampleRateHz, intensity, seed) => {
    const trace = generateTrace({ sampleRateHz, orgasm: { intensity, regularSeries: true } }, seed);
    const path = file(`orgasm-${sampleRateHz}.csv`, formatCsvTrace(trace.samples));
    const result = await run('--input', path);
    expect(result.status).toBe(0);
    const label = orgasmOf(trace);
    const orgasms = eventsOf(result.out).filter((e) => e.type === 'orgasm');
    expect(orgasms.some((e) => e.t_ms >= label.t_ms && e.t_ms <= label.t_ms + 10_000)).toBe(true);
  });
});
