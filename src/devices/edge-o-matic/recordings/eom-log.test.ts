import { describe, expect, it } from 'vitest';
import { createEomLogParser } from './eom-log';
import { errorOf, feedLines, samplesOf } from './feed.test-support';

const BASE = 'millis,pressure,avg_pressure,arousal,motor_speed,sensitivity_threshold';
const CLENCH = `${BASE},clench_pressure_threshold,clench_duration`;
const DETECTION = `${BASE},detect_state,detect_mode_used,baseline,sustained_ms,peak_count,last_interval_ms`;

const read = (text: string) => feedLines(createEomLogParser(), text);

/** `n` rows from `row(i)`, 20 ms apart from 21 ms, each ending in a newline. */
const rows = (n: number, row: (i: number, millis: number) => string) =>
  Array.from({ length: n }, (_, i) => `${row(i, 21 + 20 * i)}\n`).join('');

describe('eom-log: the Arduino firmware writes rows as labelled', () => {
  it('six names, six values: raw pressure in "pressure", the motor in "motor_speed"', () => {
    const fed = read(`${BASE}\n${rows(3, (i, ms) => `${ms},${1200 + i},1199,3,${51 * i},600`)}`);
    expect(samplesOf(fed)).toEqual([
      { t_ms: 0, pressure: 1200, output: 0 },
      { t_ms: 20, pressure: 1201, output: 0.2 },
      { t_ms: 40, pressure: 1202, output: 0.4 },
    ]);
    expect(fed).toMatchObject({ notes: [expect.stringContaining('read as labelled')] });
  });

  it('six names, eight values (the clench values added before the header named them)', () => {
    const fed = read(`${BASE}\n${rows(2, (_, ms) => `${ms},1300,1298,3,255,600,4096,0`)}`);
    expect(samplesOf(fed)).toEqual([
      { t_ms: 0, pressure: 1300, output: 1 },
      { t_ms: 20, pressure: 1300, output: 1 },
    ]);
  });
});

describe('eom-log: the ESP-IDF firmware shifts every value one column left of its label', () => {
  it('six names and the first row glued to the last (no newline after the header), five values', () => {
    const text = `${BASE}21,1198,7,102,600\n41,1199,6,102,600\n61,1201,6,0,600\n`;
    const fed = read(text);
    // "pressure" holds the running average; the motor is in the column labelled "arousal".
    expect(samplesOf(fed)).toEqual([
      { t_ms: 0, pressure: 1198, output: 0.4 },
      { t_ms: 20, pressure: 1199, output: 0.4 },
      { t_ms: 40, pressure: 1201, output: 0 },
    ]);
    expect(fed).toMatchObject({ notes: [expect.stringContaining('running average')] });
  });

  it('eight names glued to the first row, seven values', () => {
    const text = `${CLENCH}21,1500,40,129,162,4096,0\n41,1510,39,129,162,4096,20\n`;
    expect(samplesOf(read(text))).toEqual([
      { t_ms: 0, pressure: 1500, output: 129 / 255 },
      { t_ms: 20, pressure: 1510, output: 129 / 255 },
    ]);
  });

  it('eight names glued, eight values (orgasm_count appended): still shifted', () => {
    const text = `${CLENCH}21,1500,40,162,162,4096,0,0\n41,1510,39,162,162,4096,0,1\n`;
    expect(samplesOf(read(text)).map((s) => s.output)).toEqual([162 / 255, 162 / 255]);
  });

  it('the current firmware: twelve names on their own line, eleven values with R/S', () => {
    const text = `${DETECTION}\n21,1700,12,64,600,0,S,1690,0,0,0\n41,1705,11,64,600,1,R,1690,120,2,800\n`;
    expect(samplesOf(read(text))).toEqual([
      { t_ms: 0, pressure: 1700, output: 64 / 255 },
      { t_ms: 20, pressure: 1705, output: 64 / 255 },
    ]);
  });

  it('the first row may have a negative millis (the tick before recording began): t_ms counts from it', () => {
    expect(samplesOf(read(`${BASE}-3,1198,7,0,600\n17,1199,6,0,600\n`))).toEqual([
      { t_ms: 0, pressure: 1198, output: 0 },
      { t_ms: 20, pressure: 1199, output: 0 },
    ]);
  });
});

describe('eom-log: eight names on their own line and eight values could be either firmware', () => {
  it('raw pressure beside its average: read as labelled', () => {
    const text = `${CLENCH}\n${rows(20, (i, ms) => `${ms},${1500 + (i % 3)},1501,${i},77,600,4096,0`)}`;
    const fed = read(text);
    const samples = samplesOf(fed);
    expect(samples).toHaveLength(20);
    expect(samples[0]).toEqual({ t_ms: 0, pressure: 1500, output: 77 / 255 });
    expect(fed).toMatchObject({ notes: [expect.stringMatching(/labelled.*first 16 rows/)] });
  });

  it('issue #95’s log (the threshold 162 under motor_speed, the motor under arousal): shifted', () => {
    const text = `${CLENCH}\n${rows(20, (i, ms) => `${ms},${1800 + i},${i % 2 === 0 ? 0 : 35},129,162,4000,${ms},0`)}`;
    const samples = samplesOf(read(text));
    expect(samples).toHaveLength(20);
    expect(samples.every((s) => s.output === 129 / 255)).toBe(true);
    expect(samples[5]).toMatchObject({ t_ms: 100, pressure: 1805 });
  });

  it('a log shorter than the rows it judges from is judged at its end', () => {
    const text = `${CLENCH}\n${rows(4, (_, ms) => `${ms},1500,1502,0,10,600,4096,0`)}`;
    expect(samplesOf(read(text))).toHaveLength(4);
  });
});

describe('eom-log: malformed logs are refused with the line', () => {
  it.each([
    ['', 'the file is empty: an Edge-o-Matic log starts with the header millis,pressure,'],
    [
      't_ms,pressure\n0,1\n',
      "line 1: not an Edge-o-Matic log header: it starts with millis,pressure,avg_pressure,arousal,motor_speed,sensitivity_threshold (this looks like Redline's plain CSV: use --format csv)",
    ],
    ['millis,pressure\n0,1\n', 'line 1: not an Edge-o-Matic log header'],
    [
      `${BASE}\n0,1,2\n`,
      'line 2: 3 values under a header of 6 names: no Edge-o-Matic firmware writes that',
    ],
    [
      `${BASE}\n0,1200,1200,0,0,600\n20,1200,1200,0,0\n`,
      'line 3: 5 values, but the rows before have 6',
    ],
    [
      `${BASE}\n0,1200,1200,0,0,600\n2x,1200,1200,0,0,600\n`,
      'line 3, column 1 (millis): "2x" is not a whole number of milliseconds',
    ],
    [`${BASE}\n20,1200,1200,0,0,600\n20,1200,1200,0,0,600\n`, "line 3: millis 20 repeats line 2's"],
    [
      `${BASE}\n20,1200,1200,0,0,600\n10,1200,1200,0,0,600\n`,
      "line 3: millis 10 is before line 2's 20",
    ],
    [
      `${BASE}\n0,1200,1200,0,256,600\n`,
      'line 2, column 5 (labelled motor_speed): "256" is not a motor speed (a whole number 0–255)',
    ],
    [`${BASE}21,1198,7,-1,600\n`, 'line 1, column 4 (labelled arousal): "-1" is not a motor speed'],
    [
      `${BASE}\n0,1.5,1200,0,0,600\n`,
      'line 2, column 2 (pressure): "1.5" is not a pressure reading (a whole number 0–65535)',
    ],
  ])('%j', (text, message) => {
    expect(errorOf(read(text))).toContain(message);
  });

  it('skips a last row cut off mid-write, with a note', () => {
    const fed = read(`${BASE}\n0,1200,1200,0,0,600\n20,1200,1200,0,0,600\n40,120`);
    expect(samplesOf(fed)).toHaveLength(2);
    expect(fed).toMatchObject({
      notes: [
        expect.stringContaining('labelled'),
        'line 4, the last, is incomplete (the recording was cut off) and was skipped',
      ],
    });
  });

  it('refuses the same row when it is not the last', () => {
    expect(errorOf(read(`${BASE}\n0,1200,1200,0,0,600\n40,120\n60,1200,1200,0,0,600\n`))).toBe(
      'line 3: 2 values, but the rows before have 6',
    );
  });
});
