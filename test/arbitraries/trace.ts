import fc from 'fast-check';
import { ORGASM_INTENSITIES, type TraceOptions } from '../../src/core/detection';

/**
 * Options for the trace generator at any rate from 10 to 100 Hz, with every kind of artifact:
 * the generator's own properties and the detectors' share it, each with its own lengths, noise
 * and share of orgasm-free traces.
 */
export function traceOptionsArb(options: {
  durationMs: readonly [number, number];
  noiseMax: number;
  /** Traces with an orgasm for each one without. */
  orgasmWeight: number;
  /** Also vary whether heart rate and the commanded output are present. */
  optionalColumns?: boolean;
}): fc.Arbitrary<TraceOptions> {
  const [minDuration, maxDuration] = options.durationMs;
  const base = {
    sampleRateHz: fc.oneof(
      fc.integer({ min: 10, max: 100 }),
      fc.double({ min: 10, max: 100, noNaN: true }),
    ),
    durationMs: fc.integer({ min: minDuration, max: maxDuration }),
    orgasm: fc.oneof(
      { weight: 1, arbitrary: fc.constant('none' as const) },
      {
        weight: options.orgasmWeight,
        arbitrary: fc.record({
          intensity: fc.constantFrom(...ORGASM_INTENSITIES),
          regularSeries: fc.boolean(),
        }),
      },
    ),
    artifacts: fc.record({
      'motor-start': fc.integer({ min: 1, max: 3 }),
      'power-jump': fc.integer({ min: 0, max: 2 }),
      clench: fc.integer({ min: 0, max: 3 }),
      movement: fc.integer({ min: 0, max: 3 }),
      gap: fc.integer({ min: 0, max: 3 }),
    }),
    noise: fc.double({ min: 0, max: options.noiseMax, noNaN: true }),
  };
  return options.optionalColumns === true
    ? fc.record({ ...base, heartRate: fc.boolean(), output: fc.boolean() })
    : fc.record(base);
}
