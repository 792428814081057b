import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOTOR_MAX, motorByte } from './motor-gate';

const level = fc.double({ min: 0, max: 1, noNaN: true });

describe('motorByte: governed 0–1 level to the Edge-o-Matic 0–255', () => {
  it('S2: never above floor(level × 255), so never above the agreed ceiling', () => {
    fc.assert(
      fc.property(level, (l) => {
        const speed = motorByte(l);
        expect(Number.isInteger(speed)).toBe(true);
        expect(speed).toBeGreaterThanOrEqual(0);
        expect(speed).toBeLessThanOrEqual(Math.floor(l * MOTOR_MAX));
        expect(speed).toBeLessThanOrEqual(MOTOR_MAX);
      }),
    );
  });

  it('rounds down and loses less than one step', () => {
    fc.assert(
      fc.property(level, (l) => {
        expect(l * MOTOR_MAX - motorByte(l)).toBeLessThan(1);
      }),
    );
  });

  it('is monotone: a higher level never gives a lower speed', () => {
    fc.assert(
      fc.property(level, level, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(motorByte(low)).toBeLessThanOrEqual(motorByte(high));
      }),
    );
  });

  it('maps the ends exactly', () => {
    expect(motorByte(0)).toBe(0);
    expect(motorByte(1)).toBe(255);
    expect(motorByte(254.999 / 255)).toBe(254);
  });

  it('refuses a level outside 0–1 even if something forged the type', () => {
    for (const bad of [1.0001, -0.001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => motorByte(bad)).toThrow(/outside 0–1/);
    }
  });
});
