import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCoverage, params } from '../../../test/support/property';
import { generateTrace } from './generate-trace';
import {
  artifactsOf,
  between,
  intervals,
  measuredPeaks,
  median,
  orgasmOf,
  slope,
} from './measure.test-support';
import { traceOptionsArb } from '../../../test/arbitraries/trace';
import { PRESSURE_MAX, type ArtifactLabel, type Trace } from './trace';

const optionsArb = traceOptionsArb({
  durationMs: [200_000, 400_000],
  noiseMax: 3,
  orgasmWeight: 4,
});

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
/** Options and seed only, so a failure prints what reproduces it rather than the whole trace. */
const traceArb = fc.tuple(optionsArb, seedArb);

const COUNTS = { mild: [3, 5], moderate: [5, 8], intense: [8, 12] } as const;

function sampleBefore(trace: Trace, t: number) {
  return trace.samples.findLast((s) => s.t_ms < t);
}
function sampleAtOrAfter(trace: Trace, t: number) {
  return trace.samples.find((s) => s.t_ms >= t);
}
function excursion(trace: Trace, label: ArtifactLabel, extraMs: number): number {
  const before = median(between(trace, label.t_ms - 2000, label.t_ms).map((s) => s.pressure));
  const during = between(trace, label.t_ms, label.end_ms + extraMs);
  return Math.max(...during.map((s) => Math.abs(s.pressure - before)));
}

describe('generateTrace, for any options and seed', () => {
  it('is reproducible from its seed', () => {
    fc.assert(
      fc.property(optionsArb, seedArb, (options, seed) => {
        expect(generateTrace(options, seed)).toEqual(generateTrace(options, seed));
      }),
      params(10),
    );
  });

  it('samples at the asked rate, drops samples only inside labelled gaps, stays in range', () => {
    fc.assert(
      fc.property(traceArb, ([options, seed]) => {
        const trace = generateTrace(options, seed);
        const period = 1000 / trace.sampleRateHz;
        const gaps = trace.labels.filter((l) => l.type === 'gap');
        // Collected rather than asserted per sample: tens of thousands of `expect`s are slow.
        const wrong: string[] = [];
        trace.samples.forEach((s, i) => {
          const ok =
            Number.isInteger(s.t_ms) &&
            s.t_ms >= 0 &&
            s.t_ms < trace.durationMs &&
            Number.isInteger(s.pressure) &&
            s.pressure >= 0 &&
            s.pressure <= PRESSURE_MAX &&
            (s.hr === undefined || (Number.isInteger(s.hr) && s.hr >= 30 && s.hr <= 220)) &&
            s.output !== undefined &&
            s.output >= 0 &&
            s.output <= 1 &&
            !gaps.some((g) => s.t_ms >= g.t_ms && s.t_ms < g.end_ms);
          if (!ok) wrong.push(`bad sample ${JSON.stringify(s)}`);
          const prev = trace.samples[i - 1];
          if (prev === undefined) return;
          const step = s.t_ms - prev.t_ms;
          if (step < Math.floor(period)) wrong.push(`step ${step} ms at ${s.t_ms}`);
          if (step > Math.ceil(period) && !gaps.some((g) => g.t_ms > prev.t_ms && g.t_ms < s.t_ms))
            wrong.push(`unlabelled gap ${prev.t_ms}–${s.t_ms}`);
        });
        expect(wrong.slice(0, 5)).toEqual([]);
        const hrs = trace.samples.filter((s) => s.hr !== undefined).map((s) => s.t_ms);
        expect(hrs.length).toBeGreaterThan(trace.durationMs / 1100 - 10);
        const sorted = [...trace.labels].sort((a, b) => a.t_ms - b.t_ms);
        expect(trace.labels).toEqual(sorted);
      }),
      params(40),
    );
  });

  it('draws 3–12 contractions ~0.8 s apart, growing ~0.1 s, as measured from the peaks', () => {
    let measuredSeries = 0;
    const run = params(150);
    fc.assert(
      fc.property(traceArb, ([options, seed]) => {
        const trace = generateTrace(options, seed);
        const orgasm = orgasmOf(trace);
        if (orgasm === undefined || !orgasm.regularSeries) return;
        const [min, max] = COUNTS[orgasm.intensity];
        expect(orgasm.contractions).toBeGreaterThanOrEqual(min);
        expect(orgasm.contractions).toBeLessThanOrEqual(max);
        expect(orgasm.contractionOnsets_ms).toHaveLength(orgasm.contractions);
        expect(orgasm.contractionOnsets_ms[0]).toBe(orgasm.t_ms);

        const labelled = intervals(orgasm.contractionPeaks_ms);
        expect(labelled[0]).toBeGreaterThan(700);
        expect(labelled[0]).toBeLessThan(900);
        const growth = intervals(labelled);
        growth.forEach((g) => {
          expect(g).toBeGreaterThan(40);
          expect(g).toBeLessThan(160);
        });

        const measured = intervals(measuredPeaks(trace, orgasm));
        // The centroid measure is within ~90 ms per interval at any rate from 10 to 100 Hz.
        const tolerance = 120;
        measured.forEach((m, k) => {
          expect(Math.abs(m - (labelled[k] ?? 0))).toBeLessThan(tolerance);
        });
        expect(measured[0]).toBeGreaterThan(650);
        expect(measured[0]).toBeLessThan(950);
        if (measured.length >= 4) {
          measuredSeries++;
          expect(slope(measured)).toBeGreaterThan(50);
          expect(slope(measured)).toBeLessThan(150);
        }
      }),
      run,
    );
    expectCoverage('series of 5 or more contractions', measuredSeries, run, 0.2);
  });

  it('peaks the heart rate at 110–170 bpm at orgasm and brings it back within 120 s', () => {
    fc.assert(
      fc.property(traceArb, ([options, seed]) => {
        const trace = generateTrace(options, seed);
        const orgasm = orgasmOf(trace);
        const readings = trace.samples.filter((s) => s.hr !== undefined);
        const hr = (s: (typeof readings)[number]) => s.hr ?? Number.NaN;
        if (orgasm === undefined) {
          readings.forEach((s) => {
            expect(hr(s)).toBeLessThan(110);
          });
          return;
        }
        const heart = orgasm.heartRate;
        if (heart === undefined) throw new Error('heart-rate ground truth missing');
        expect(heart.recovery_ms).toBeGreaterThanOrEqual(20_000);
        expect(heart.recovery_ms).toBeLessThanOrEqual(120_000);
        const near = readings.filter((s) => Math.abs(s.t_ms - heart.peak_ms) <= 3000);
        const top = near.reduce((a, s) => (hr(s) > hr(a) ? s : a));
        expect(hr(top)).toBeGreaterThanOrEqual(110);
        expect(hr(top)).toBeLessThanOrEqual(170);
        expect(Math.abs(hr(top) - heart.peak_bpm)).toBeLessThanOrEqual(4);
        expect(heart.peak_ms - orgasm.t_ms).toBeGreaterThanOrEqual(0);
        expect(heart.peak_ms - orgasm.t_ms).toBeLessThanOrEqual(10_000);
        expect(Math.max(...readings.map(hr))).toBeLessThanOrEqual(hr(top) + 1);

        const after = readings.filter((s) => s.t_ms >= heart.peak_ms + heart.recovery_ms);
        expect(after.length).toBeGreaterThan(0);
        const backTo = heart.rest_bpm + 0.1 * (heart.peak_bpm - heart.rest_bpm) + 4;
        after.forEach((s) => {
          expect(hr(s)).toBeLessThanOrEqual(backTo);
        });
      }),
      params(40),
    );
  });

  it('shows each artifact at its label', () => {
    fc.assert(
      fc.property(traceArb, ([options, seed]) => {
        const trace = generateTrace(options, seed);
        const period = 1000 / trace.sampleRateHz;
        for (const label of artifactsOf(trace)) {
          switch (label.type) {
            case 'motor-start':
              expect(sampleBefore(trace, label.t_ms)?.output).toBe(0);
              expect(sampleAtOrAfter(trace, label.t_ms)?.output).toBeGreaterThan(0);
              expect(excursion(trace, label, period)).toBeGreaterThan(12);
              break;
            case 'power-jump':
              expect(sampleBefore(trace, label.t_ms)?.output).toBeLessThan(1);
              expect(sampleAtOrAfter(trace, label.t_ms)?.output).toBe(1);
              break;
            case 'clench':
              expect(excursion(trace, label, 0)).toBeGreaterThan(40);
              break;
            case 'movement':
              expect(excursion(trace, label, 0)).toBeGreaterThan(25);
              break;
            case 'gap':
              expect(between(trace, label.t_ms, label.end_ms)).toHaveLength(0);
              expect(sampleBefore(trace, label.t_ms)).toBeDefined();
              expect(sampleAtOrAfter(trace, label.end_ms)).toBeDefined();
              break;
          }
        }
      }),
      params(40),
    );
  });
});
