import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutesText, readMinutes, readNumber, readShifted, shiftDecimal } from './decimal';

describe('exact unit changes', () => {
  it('moves the decimal point in the text', () => {
    expect(shiftDecimal(0.07, 2)).toBe('7');
    expect(shiftDecimal(0.605, 2)).toBe('60.5');
    expect(shiftDecimal(1, 2)).toBe('100');
    expect(shiftDecimal(0, 2)).toBe('0');
    expect(shiftDecimal(2000, -3)).toBe('2');
    expect(shiftDecimal(1500, -3)).toBe('1.5');
    expect(shiftDecimal(1e-7, 2)).toBe('0.00001');
    expect(shiftDecimal(25, -3)).toBe('0.025');
  });

  it('reads what people type, and nothing else', () => {
    expect(readNumber(' 12 ')).toBe(12);
    expect(readNumber('1,5')).toBe(1.5);
    expect(readNumber('')).toBeNull();
    expect(readNumber('ten')).toBeNull();
    expect(readNumber('1e400')).toBeNull();
    expect(readShifted('7', -2)).toBe(0.07);
    expect(readShifted('60.5', -2)).toBe(0.605);
    expect(readShifted('1.5', 3)).toBe(1500);
    expect(readShifted('1e-5', -2)).toBe(1e-7);
    expect(readMinutes('1.5')).toBe(90);
    expect(minutesText(100)).toBe('1.666667');
    expect(readMinutes(minutesText(100))).toBe(100);
  });

  it('a level shown as a percentage reads back as the same level', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (level) => {
        expect(readShifted(shiftDecimal(level, 2), -2)).toBe(level === 0 ? 0 : level);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('seconds to the millisecond shown as minutes read back the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 * 3600 * 1000 }), (ms) => {
        const seconds = ms / 1000;
        expect(readMinutes(minutesText(seconds))).toBe(seconds);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
