import { describe, expect, it } from 'vitest';
import { generateTrace } from './generate-trace';
import { intervals, measuredPeaks, orgasmOf, slope } from './measure.test-support';

describe('generateTrace', () => {
  it('gives an identical trace for the same seed and options', () => {
    const options = { sampleRateHz: 37, durationMs: 200_000 } as const;
    expect(generateTrace(options, 99)).toEqual(generateTrace(options, 99));
    expect(generateTrace(options, 99).samples).not.toEqual(generateTrace(options, 100).samples);
  });

  it('draws an intense series of 8–12 contractions about 0.8 s apart, each gap ~0.1 s longer', () => {
    const trace = generateTrace(
      {
        sampleRateHz: 100,
        noise: 1,
        orgasm: { intensity: 'intense', regularSeries: true },
        artifacts: { 'motor-start': 1, 'power-jump': 0, clench: 0, movement: 0, gap: 0 },
      },
      5,
    );
    const orgasm = orgasmOf(trace);
    expect(orgasm?.contractions).toBeGreaterThanOrEqual(8);
    expect(orgasm?.contractions).toBeLessThanOrEqual(12);
    if (orgasm === undefined) return;
    const gaps = intervals(measuredPeaks(trace, orgasm));
    expect(gaps[0]).toBeGreaterThan(700);
    expect(gaps[0]).toBeLessThan(900);
    expect(slope(gaps)).toBeGreaterThan(80);
    expect(slope(gaps)).toBeLessThan(120);
  });

  it('draws a sustained rise instead of a series when asked for an orgasm without one', () => {
    const trace = generateTrace({ orgasm: { intensity: 'moderate', regularSeries: false } }, 3);
    const orgasm = orgasmOf(trace);
    expect(orgasm).toMatchObject({ regularSeries: false, contractions: 0 });
    if (orgasm === undefined) return;
    const before = trace.samples.filter((s) => s.t_ms < orgasm.t_ms && s.t_ms > orgasm.t_ms - 2000);
    const during = trace.samples.filter(
      (s) => s.t_ms > orgasm.t_ms + 2000 && s.t_ms < orgasm.t_ms + 4000,
    );
    const mean = (xs: typeof before) => xs.reduce((a, s) => a + s.pressure, 0) / xs.length;
    expect(mean(during) - mean(before)).toBeGreaterThan(25);
  });

  it('leaves out heart rate and output when asked, and has no orgasm label for none', () => {
    const trace = generateTrace({ orgasm: 'none', heartRate: false, output: false }, 8);
    expect(orgasmOf(trace)).toBeUndefined();
    expect(trace.samples.every((s) => s.hr === undefined && s.output === undefined)).toBe(true);
  });

  it('keeps the output off with no motor starts', () => {
    const trace = generateTrace({ artifacts: { 'motor-start': 0, 'power-jump': 0 } }, 4);
    expect(trace.samples.every((s) => s.output === 0)).toBe(true);
    expect(trace.labels.some((l) => l.type === 'motor-start')).toBe(false);
  });

  it('places the orgasm where asked', () => {
    const trace = generateTrace({ orgasm: { at_ms: 60_000 } }, 2);
    expect(orgasmOf(trace)?.t_ms).toBe(60_000);
  });

  it.each([
    [{ sampleRateHz: 9 }, /sampleRateHz/],
    [{ sampleRateHz: 101 }, /sampleRateHz/],
    [{ durationMs: 5000 }, /durationMs/],
    [{ durationMs: 60_000 }, /too short/],
    [{ artifacts: { clench: -1 } }, /clench/],
    [{ artifacts: { 'motor-start': 0 } }, /power jump/],
    [{ orgasm: { at_ms: 5000 } }, /at_ms/],
    [{ durationMs: 20_000, orgasm: 'none', artifacts: { clench: 20 } }, /cannot fit/],
  ] as const)('refuses options it cannot honour: %j', (options, message) => {
    expect(() => generateTrace(options, 1)).toThrow(message);
  });
});
