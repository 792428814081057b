import { describe, expect, it } from 'vitest';
import { command, frameProblems, isManualMode, parseFrame } from './messages';

const readings = { pressure: 1029, pavg: 1028, motor: 255, arousal: 10, millis: 198452 };

describe('Edge-o-Matic messages', () => {
  it('writes commands as objects keyed by command name', () => {
    expect(command.setMode('manual')).toBe('{"setMode":"manual"}');
    expect(command.setMotor(128)).toBe('{"setMotor":128}');
    expect(command.streamReadings(7)).toBe('{"streamReadings":{"nonce":7}}');
  });

  it('reads a readings frame, with or without the run mode and other extra fields', () => {
    expect(parseFrame(JSON.stringify({ readings }))).toEqual({ ok: true, frame: { readings } });
    const current = { ...readings, runMode: 'MANUAL', permitOrgasm: false, lock: false };
    const parsed = parseFrame(JSON.stringify({ readings: current }));
    expect(parsed).toEqual({ ok: true, frame: { readings: { ...readings, runMode: 'MANUAL' } } });
  });

  it('ignores messages it has no use for (config listing, Wi-Fi and SD status)', () => {
    const text = JSON.stringify({ wifiStatus: { ssid: 'x', ip: '', rssi: -1 }, sdStatus: {} });
    expect(parseFrame(text)).toEqual({ ok: true, frame: {} });
  });

  it.each([
    ['not JSON', '{"readings":', /not JSON/],
    ['an array', '[1,2]', /not a JSON object/],
    ['null', 'null', /not a JSON object/],
    [
      'a string pressure',
      JSON.stringify({ readings: { ...readings, pressure: 'high' } }),
      /readings\.pressure/,
    ],
    ['a missing field', JSON.stringify({ readings: { pressure: 1 } }), /readings\.pavg/],
    [
      'a negative arousal',
      JSON.stringify({ readings: { ...readings, arousal: -1 } }),
      /readings\.arousal/,
    ],
    [
      'a motor above 255',
      JSON.stringify({ readings: { ...readings, motor: 256 } }),
      /readings\.motor/,
    ],
    [
      'a fractional motor',
      JSON.stringify({ readings: { ...readings, motor: 1.5 } }),
      /readings\.motor/,
    ],
    ['a reply that is not an object', JSON.stringify({ setMotor: 5 }), /setMotor/],
  ])('refuses a frame with %s, with a clear message', (_name, text, message) => {
    const parsed = parseFrame(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('refuses a bad frame whole, even when part of it is fine', () => {
    const text = JSON.stringify({ readings, setMode: { errno: 'x' } });
    expect(parseFrame(text).ok).toBe(false);
  });

  it('explains the firmware errors: errno, NOT IMPLEMENTED, a frame it could not parse', () => {
    const problems = (text: string) => {
      const parsed = parseFrame(text);
      return parsed.ok ? frameProblems(parsed.frame) : [parsed.error];
    };
    expect(problems('{"setMode":{"errno":1}}')).toEqual([
      'the Edge-o-Matic refused setMode (errno 1: bad argument)',
    ]);
    expect(problems('{"setMotor":{"errno":-1}}')).toEqual([
      'the Edge-o-Matic refused setMotor (errno -1: refused)',
    ]);
    expect(problems('{"streamReadings":{"error":"NOT IMPLEMENTED"}}')).toEqual([
      'the Edge-o-Matic answered streamReadings with an error: NOT IMPLEMENTED',
    ]);
    expect(problems('{"error":"{bad"}')).toEqual([
      'the Edge-o-Matic could not read a command: {bad',
    ]);
    expect(problems('{"setMotor":{"speed":12}}')).toEqual([]);
  });

  it('knows every firmware generation’s name for manual mode', () => {
    for (const mode of ['MANUAL', 'MANUAL_CONTROL', 'manual'])
      expect(isManualMode(mode)).toBe(true);
    for (const mode of ['AUTOMATIC', 'AUTOMAITC_CONTROL', 'ORGASM_MODE', ''])
      expect(isManualMode(mode)).toBe(false);
  });
});
