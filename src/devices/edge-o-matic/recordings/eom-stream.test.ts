import { describe, expect, it } from 'vitest';
import { createEomStreamParser } from './eom-stream';
import { errorOf, feedLines, samplesOf } from './feed.test-support';

const read = (text: string) => feedLines(createEomStreamParser(), text);

const frame = (millis: number, pressure: number, motor: number, extra: object = {}) =>
  JSON.stringify({ readings: { pressure, pavg: pressure, motor, arousal: 3, millis, ...extra } });

describe('eom-stream: a capture of the WebSocket stream, one frame per line', () => {
  it('turns readings frames into samples: t_ms from the first, raw pressure, motor as 0–1', () => {
    const text = [
      '{"setMode":{"mode":"MANUAL"}}',
      '{"streamReadings":{"nonce":1}}',
      frame(198_452, 1029, 0),
      '{"configList":{"wifi_on":true}}',
      frame(198_519, 1031, 128, { runMode: 'MANUAL', permitOrgasm: false, lock: false }),
      '{"wifiStatus":{"ssid":"x"}}',
      frame(198_585.5, 1040, 255),
      '',
    ].join('\n');
    expect(samplesOf(read(text))).toEqual([
      { t_ms: 0, pressure: 1029, output: 0 },
      { t_ms: 67, pressure: 1031, output: 128 / 255 },
      { t_ms: 133.5, pressure: 1040, output: 1 },
    ]);
  });

  it('skips a last frame cut off mid-line, with a note', () => {
    const fed = read(`${frame(1000, 1, 0)}\n${frame(1066, 2, 0)}\n{"readings":{"pres`);
    expect(samplesOf(fed)).toHaveLength(2);
    expect(fed).toMatchObject({
      notes: ['line 3 is incomplete (the capture was cut off mid-frame) and was skipped'],
    });
  });
});

describe('eom-stream: malformed captures are refused with the line', () => {
  it.each([
    ['', 'no readings frames'],
    ['{"streamReadings":{"nonce":1}}\n', 'no readings frames'],
    [`${frame(0, 1, 0)}\nnot json\n`, 'line 2: not a JSON frame: not json'],
    [`${frame(0, 1, 0)}\n[1,2]\n`, 'line 2: a frame is a JSON object, found: [1,2]'],
    [`${frame(0, 1, 0)}\n${frame(10, 1, 300)}\n`, 'line 2: readings.motor: must be 0–255'],
    [`${frame(0, 1, 0)}\n${frame(10, -5, 0)}\n`, 'line 2: readings.pressure: must not be negative'],
    [
      '{"readings":{"pressure":1,"pavg":1,"motor":0,"arousal":0}}\n',
      'line 1: readings.millis: is required',
    ],
    ['{"readings":7}\n', 'line 1: readings: must be an object'],
    [`${frame(50, 1, 0)}\n${frame(50, 1, 0)}\n`, "line 2: readings.millis 50 repeats line 1's"],
    [
      `${frame(50, 1, 0)}\n${frame(40, 1, 0)}\n`,
      "line 2: readings.millis 40 is before line 1's 50 (did the device restart?",
    ],
  ])('%j', (text, message) => {
    expect(errorOf(read(text))).toContain(message);
  });
});
