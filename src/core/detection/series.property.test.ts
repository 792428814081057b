import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCoverage, params } from '../../../test/support/property';
import { createSeries } from './series';

/** What a series does, as the plain array of points the detectors held before. */
type Op =
  | { op: 'push'; count: number; t: number; v: number }
  | { op: 'shift'; count: number }
  | { op: 'retain'; after: number }
  | { op: 'clear' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('push' as const),
      // Runs long enough to fill and wrap the rings (64 points at first) and make them grow.
      count: fc.integer({ min: 1, max: 90 }),
      t: fc.integer({ min: -100, max: 100 }),
      v: fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('shift' as const),
      count: fc.integer({ min: 1, max: 80 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retain' as const), after: fc.integer() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
);

describe('series', () => {
  it('holds exactly the points a plain array of points holds, through wraps and growth', () => {
    const run = params(300);
    let wrapped = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const series = createSeries();
        let plain: { t: number; v: number }[] = [];
        let shifted = false;
        for (const o of ops) {
          if (o.op === 'push')
            for (let k = 0; k < o.count; k++) {
              const point = { t: o.t * 50 + k, v: o.v + k };
              series.push(point.t, point.v);
              plain.push(point);
            }
          else if (o.op === 'shift')
            for (let k = 0; k < o.count; k++) {
              series.shift();
              shifted ||= plain.length > 0;
              plain.shift();
            }
          else if (o.op === 'retain') {
            const after = o.after % 5000;
            series.retain((t) => t > after);
            plain = plain.filter((p) => p.t > after);
          } else {
            series.clear();
            plain = [];
          }
          // Past its first capacity after a shift: the ring has wrapped, or grew with its head moved.
          if (shifted && plain.length > 64) wrapped += 1;
          expect(series.length()).toBe(plain.length);
          plain.forEach((p, i) => {
            expect(series.t(i)).toBe(p.t);
            expect(series.v(i)).toBe(p.v);
          });
        }
      }),
      run,
    );
    expectCoverage('a series held over 64 points after a shift', wrapped, run, 0.3);
  });
});
