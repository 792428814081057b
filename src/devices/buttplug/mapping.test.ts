import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceId, toDeviceValue } from './mapping';

describe('governed level → Buttplug integer', () => {
  it('[S2] never rounds up: the integer is at most level × range, and reaches full scale at 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (level, max) => {
          const value = toDeviceValue(level, [0, max]);
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value / max).toBeLessThanOrEqual(level + 1e-9);
        },
      ),
      { seed: 20261129, numRuns: 2000 },
    );
    expect(toDeviceValue(1, [0, 20])).toBe(20);
    expect(toDeviceValue(0.52, [0, 20])).toBe(10); // the client's percent() would send 11
  });

  it('[S2] is monotone in the level', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(toDeviceValue(lo, [0, 20])).toBeLessThanOrEqual(toDeviceValue(hi, [0, 20]));
        },
      ),
      { seed: 20261129, numRuns: 1000 },
    );
  });

  it('zero on a two-way rotator is 0 (stopped), never the range minimum (full reverse)', () => {
    expect(toDeviceValue(0, [-20, 20])).toBe(0);
    expect(toDeviceValue(0.5, [-20, 20])).toBe(10);
    expect(toDeviceValue(1, [-20, 20])).toBe(20);
  });

  it('gives readable ids that keep the index', () => {
    expect(deviceId('Lovense Hush', 0)).toBe('lovense-hush-0');
    expect(deviceId('///', 3)).toBe('device-3');
  });
});
