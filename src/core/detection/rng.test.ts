import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../../../test/support/property';
import { createRng } from './rng';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps every helper inside its range', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 200; i++) {
          const u = rng.next();
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
          const x = rng.uniform(-3, 5);
          expect(x).toBeGreaterThanOrEqual(-3);
          expect(x).toBeLessThan(5);
          const n = rng.int(2, 4);
          expect([2, 3, 4]).toContain(n);
          expect(Number.isFinite(rng.normal(10, 2))).toBe(true);
        }
      }),
      params(30),
    );
  });

  it('draws normals with about the asked mean and spread, and integers at both bounds', () => {
    const rng = createRng(7);
    const xs = Array.from({ length: 20_000 }, () => rng.normal(5, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(5, 1);
    expect(sd).toBeCloseTo(2, 1);
    const ints = new Set(Array.from({ length: 1000 }, () => rng.int(1, 3)));
    expect([...ints].sort()).toEqual([1, 2, 3]);
  });

  it('picks from a list and refuses an empty one', () => {
    const rng = createRng(1);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('refuses a seed that is not a finite number', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });
});
