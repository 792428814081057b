import { describe, expect, it } from 'vitest';
import { generateTrace } from '../../core';
import {
  errorOf,
  feedLines,
  samplesOf,
} from '../../devices/edge-o-matic/recordings/feed.test-support';
import { createCsvTraceParser, formatCsvTrace } from './csv-trace';

const read = (text: string) => feedLines(createCsvTraceParser(), text);

describe('csv trace: what it reads', () => {
  it('t_ms and pressure alone', () => {
    expect(samplesOf(read('t_ms,pressure\n0,1500\n100,1502.5\n'))).toEqual([
      { t_ms: 0, pressure: 1500 },
      { t_ms: 100, pressure: 1502.5 },
    ]);
  });

  it('the columns in any order, with hr and output where given', () => {
    const text = 'output,hr,pressure,t_ms\n0.5,72,1500,0\n,,1501,66.667\n1,,1502,133.333\n';
    expect(samplesOf(read(text))).toEqual([
      { t_ms: 0, pressure: 1500, hr: 72, output: 0.5 },
      { t_ms: 66.667, pressure: 1501 },
      { t_ms: 133.333, pressure: 1502, output: 1 },
    ]);
  });

  it('only one optional column, spaces around cells and names, signs and exponents', () => {
    const text = ' pressure , t_ms ,hr\n -12.5e1 , 0 , 80\n+3,.5,\n';
    expect(samplesOf(read(text))).toEqual([
      { t_ms: 0, pressure: -125, hr: 80 },
      { t_ms: 0.5, pressure: 3 },
    ]);
  });

  it('gaps are just missing rows, and blank lines are skipped', () => {
    const text = 't_ms,pressure\n0,1\n100,1\n\n5000,2\n5100,2\n';
    expect(samplesOf(read(text)).map((s) => s.t_ms)).toEqual([0, 100, 5000, 5100]);
  });

  it.each([10, 15, 33, 100])(
    'reads back what formatCsvTrace writes: a generated trace at %i Hz',
    (rate) => {
      const trace = generateTrace({ sampleRateHz: rate, durationMs: 180_000 }, rate);
      expect(samplesOf(read(formatCsvTrace(trace.samples)))).toEqual(trace.samples);
    },
  );

  it('reads back a trace without heart rate or output, with only the columns it uses', () => {
    const trace = generateTrace(
      { durationMs: 120_000, orgasm: 'none', heartRate: false, output: false },
      4,
    );
    const text = formatCsvTrace(trace.samples);
    expect(text.startsWith('t_ms,pressure\n')).toBe(true);
    expect(samplesOf(read(text))).toEqual(trace.samples);
  });
});

describe('csv trace: malformed files are refused with the line and column', () => {
  const header = 't_ms,pressure,hr,output';
  it.each([
    [
      'an empty file',
      '',
      'the file is empty: a trace starts with a header line such as t_ms,pressure,hr,output',
    ],
    ['blank lines only', '\n \n', 'the file is empty'],
    [
      'no t_ms column',
      'pressure,hr\n1,2\n',
      'line 1: the header has no "t_ms" column (t_ms and pressure are required; hr and output optional)',
    ],
    ['no pressure column', 't_ms,output\n0,0\n', 'line 1: the header has no "pressure" column'],
    [
      'an unknown column',
      't_ms,pressure,temp\n',
      'line 1: unknown column "temp" (the columns are t_ms, pressure, hr, output; names are lower case)',
    ],
    ['a column in capitals', 'T_MS,pressure\n', 'line 1: unknown column "T_MS"'],
    ['a column twice', 't_ms,pressure,hr,hr\n', 'line 1: column "hr" appears twice in the header'],
    ['a nameless column', 't_ms,,pressure\n', 'line 1: column 2 of the header has no name'],
    [
      'no header',
      '0,1500\n',
      'line 1: the first line must be a header naming the columns (such as t_ms,pressure,hr,output), not data',
    ],
    [
      'an Edge-o-Matic log',
      'millis,pressure,avg_pressure\n',
      'line 1: this looks like an Edge-o-Matic SD-card log, not Redline’s plain CSV: use --format eom-log',
    ],
    [
      'a stream capture',
      '{"readings":{}}\n',
      'line 1: this looks like a captured Edge-o-Matic stream (JSON), not CSV: use --format eom-stream',
    ],
    [
      'too many cells',
      `${header}\n0,1,,,5\n`,
      'line 2: 5 cells, but the header names 4 (t_ms,pressure,hr,output)',
    ],
    ['too few cells', `${header}\n0,1\n`, 'line 2: 2 cells, but the header names 4'],
    [
      'not a number',
      `${header}\n0,1,,\n100,abc,,\n`,
      'line 3, column 2 (pressure): "abc" is not a number',
    ],
    ['hex', `${header}\n0,0x10,,\n`, 'line 2, column 2 (pressure): "0x10" is not a number'],
    ['semicolons between cells', 't_ms;pressure\n', 'line 1: unknown column "t_ms;pressure"'],
    ['NaN', `${header}\n0,NaN,,\n`, 'line 2, column 2 (pressure): "NaN" is not a finite number'],
    [
      'Infinity',
      `${header}\n0,1,Infinity,\n`,
      'line 2, column 3 (hr): "Infinity" is not a finite number',
    ],
    ['-inf', `${header}\n0,1,,-inf\n`, 'line 2, column 4 (output): "-inf" is not a finite number'],
    [
      'too large',
      `${header}\n0,1e999,,\n`,
      'line 2, column 2 (pressure): "1e999" is not a finite number (too large)',
    ],
    [
      'an empty time',
      `${header}\n,1,,\n`,
      'line 2, column 1 (t_ms): empty, but every row needs a t_ms',
    ],
    [
      'an empty pressure',
      `${header}\n0,,,\n`,
      'line 2, column 2 (pressure): empty, but every row needs a pressure',
    ],
    [
      'a negative time',
      `${header}\n-5,1,,\n`,
      'line 2, column 1 (t_ms): -5 is negative: times count from 0',
    ],
    [
      'a repeated time',
      `${header}\n0,1,,\n50,1,,\n50,1,,\n`,
      "line 4: t_ms 50 repeats the previous row's time (each row is one moment)",
    ],
    [
      'a decreasing time',
      `${header}\n${Array.from({ length: 12 }, (_, i) => `${i * 100 + 150},1,,`).join('\n')}\n1200,1,,\n`,
      'line 14: t_ms 1200 is not after the previous 1250',
    ],
    [
      'equal times written differently',
      `${header}\n1,1,,\n1.0,1,,\n`,
      "line 3: t_ms 1.0 repeats the previous row's time",
    ],
    [
      'a heart rate out of range',
      `${header}\n0,1,400,\n`,
      'line 2, column 3 (hr): 400 bpm is outside 20–300 (leave the cell empty when there is no reading)',
    ],
    [
      'an output above 1',
      `${header}\n0,1,,1.5\n`,
      'line 2, column 4 (output): 1.5 is outside 0–1 (output is a fraction of full power)',
    ],
    [
      'an output as a percentage',
      `${header}\n0,1,,-0.1\n`,
      'line 2, column 4 (output): -0.1 is outside 0–1',
    ],
  ])('%s', (_, text, message) => {
    expect(errorOf(read(text))).toContain(message);
  });

  it('a row after a bad one is never read: the first problem stops the file', () => {
    const fed = read('t_ms,pressure\n0,x\n-1,y\n');
    expect(errorOf(fed)).toBe('line 2, column 2 (pressure): "x" is not a number');
  });
});
