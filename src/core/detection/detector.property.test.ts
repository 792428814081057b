import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCoverage, params } from '../../../test/support/property';
import { createDetector, DETECTOR_NAMES, type DetectionEvent } from './detector';
import { detectAll, orgasmEvents } from './detector.test-support';
import { generateTrace, type TraceOptions } from './generate-trace';
import { orgasmOf } from './measure.test-support';
import { REFRACTORY_MS } from './redline-detector';
import type { Sample } from './trace';
import { traceOptionsArb } from '../../../test/arbitraries/trace';

/** Short traces at any rate, with every artifact: enough to exercise each path quickly. */
const optionsArb = traceOptionsArb({
  durationMs: [150_000, 240_000],
  noiseMax: 6,
  orgasmWeight: 3,
  optionalColumns: true,
});
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const nameArb = fc.constantFrom(...DETECTOR_NAMES);
/** Options and seed only, so a failure prints what reproduces it rather than the whole trace. */
const traceArb = fc.tuple(optionsArb, seedArb, nameArb);

function traceOrSkip(options: TraceOptions, seed: number) {
  try {
    return generateTrace(options, seed);
  } catch (error) {
    // The generator now and then cannot place every event it was asked for.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Events with the index of the sample whose push returned them. */
function eventsBySample(
  name: (typeof DETECTOR_NAMES)[number],
  samples: readonly Sample[],
): { index: number; event: DetectionEvent }[] {
  const detector = createDetector(name, { hrCeilingBpm: 120, hrSustainSeconds: 5 });
  return samples.flatMap((s, index) => detector.push(s).map((event) => ({ index, event })));
}

describe('detectors, on any labelled trace', () => {
  it('are causal: a prefix gives exactly the whole trace’s events up to its last sample', () => {
    let events = 0;
    const run = params(16);
    fc.assert(
      fc.property(
        traceArb,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        ([o, seed, name], cut) => {
          const trace = traceOrSkip(o, seed);
          if (trace === undefined) return;
          const whole = eventsBySample(name, trace.samples);
          events += whole.length;
          const prefix = trace.samples.slice(
            0,
            Math.max(1, Math.floor(cut * trace.samples.length)),
          );
          const last = prefix[prefix.length - 1]?.t_ms ?? -Infinity;
          expect(eventsBySample(name, prefix)).toEqual(whole.filter((e) => e.event.t_ms <= last));
        },
      ),
      run,
    );
    expectCoverage('events', events, run, 0.5);
  });

  it('are deterministic, and every event is at a pushed sample’s time, with confidence 0–1', () => {
    fc.assert(
      fc.property(traceArb, ([o, seed, name]) => {
        const trace = traceOrSkip(o, seed);
        if (trace === undefined) return;
        const first = eventsBySample(name, trace.samples);
        expect(eventsBySample(name, trace.samples)).toEqual(first);
        for (const { index, event } of first) {
          expect(event.t_ms).toBe(trace.samples[index]?.t_ms);
          expect(event.confidence).toBeGreaterThanOrEqual(0);
          expect(event.confidence).toBeLessThanOrEqual(1);
        }
      }),
      params(16),
    );
  });

  it('give at most one orgasm event per labelled orgasm; redline none within its refractory', () => {
    let orgasms = 0;
    const run = params(24);
    fc.assert(
      fc.property(traceArb, ([o, seed, name]) => {
        const trace = traceOrSkip(o, seed);
        if (trace === undefined) return;
        const events = orgasmEvents(detectAll(name, trace.samples));
        const orgasm = orgasmOf(trace);
        if (orgasm !== undefined) {
          orgasms += 1;
          const inside = events.filter((e) => e.t_ms >= orgasm.t_ms && e.t_ms <= orgasm.end_ms);
          expect(inside.length).toBeLessThanOrEqual(1);
        }
        if (name === 'redline')
          events.slice(1).forEach((e, i) => {
            expect(e.t_ms - (events[i]?.t_ms ?? -Infinity)).toBeGreaterThanOrEqual(REFRACTORY_MS);
          });
      }),
      run,
    );
    expectCoverage('labelled orgasms', orgasms, run, 0.5);
  });
});

/** Any finite samples at 10–100 Hz, with gaps, outliers and optional heart rate and output. */
const samplesArb: fc.Arbitrary<Sample[]> = fc
  .array(
    fc.record({
      dt: fc.oneof(
        { weight: 20, arbitrary: fc.integer({ min: 10, max: 100 }) },
        { weight: 1, arbitrary: fc.integer({ min: 101, max: 10_000 }) },
        { weight: 1, arbitrary: fc.double({ min: 0.001, max: 10, noNaN: true }) },
      ),
      pressure: fc.oneof(
        { weight: 10, arbitrary: fc.double({ min: 900, max: 1300, noNaN: true }) },
        { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(0, 4095) },
      ),
      hr: fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { freq: 5 }),
      output: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 3 }),
    }),
    { minLength: 1, maxLength: 3000 },
  )
  .map((steps) => {
    let t = 0;
    return steps.map(({ dt, pressure, hr, output }) => {
      t += dt;
      return {
        t_ms: t,
        pressure,
        ...(hr === null ? {} : { hr }),
        ...(output === null ? {} : { output }),
      };
    });
  });

describe('detectors, on any finite samples', () => {
  it('never throw, and answer with valid events only', () => {
    fc.assert(
      fc.property(
        samplesArb,
        nameArb,
        fc.constantFrom('low', 'normal', 'high'),
        (samples, name, sensitivity) => {
          const detector = createDetector(name, {
            sensitivity,
            hrCeilingBpm: 150,
            hrSustainSeconds: 2,
          });
          for (const s of samples)
            for (const e of detector.push(s)) {
              expect(e.t_ms).toBe(s.t_ms);
              expect(e.confidence).toBeGreaterThanOrEqual(0);
              expect(e.confidence).toBeLessThanOrEqual(1);
            }
        },
      ),
      params(60),
    );
  });
});
