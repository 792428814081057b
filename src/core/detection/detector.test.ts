import { describe, expect, it } from 'vitest';
import {
  createDetector,
  DEFAULT_DETECTOR_SETTINGS,
  DETECTOR_NAMES,
  type DetectorName,
} from './detector';
import { detectAll, orgasmEvents, samplesOf } from './detector.test-support';
import { generateTrace } from './generate-trace';
import { orgasmOf } from './measure.test-support';
import { ARTIFACT_TYPES, type ArtifactType } from './trace';

const only = (type: ArtifactType, count: number) => ({
  ...Object.fromEntries(ARTIFACT_TYPES.map((t) => [t, 0])),
  'motor-start': type === 'power-jump' ? 1 : 0,
  [type]: count,
});

describe('createDetector', () => {
  it('offers redline first, as the default, and the Edge-o-Matic-style baseline', () => {
    expect(DETECTOR_NAMES[0]).toBe('redline');
    expect(DETECTOR_NAMES).toContain('eom-baseline');
    expect(DEFAULT_DETECTOR_SETTINGS).toEqual({
      sensitivity: 'normal',
      hrCeilingBpm: null,
      hrSustainSeconds: 20,
    });
  });

  it.each([
    [{ sensitivity: 'max' as 'high' }, /sensitivity/],
    [{ hrCeilingBpm: 0 }, /hrCeilingBpm/],
    [{ hrCeilingBpm: Number.NaN }, /hrCeilingBpm/],
    [{ hrSustainSeconds: -1 }, /hrSustainSeconds/],
  ])('refuses settings out of range: %j', (settings, message) => {
    expect(() => createDetector('redline', settings)).toThrow(message);
  });

  it('refuses an unknown name, saying which exist', () => {
    expect(() => createDetector('edge' as DetectorName)).toThrow(/redline, eom-baseline/);
  });

  it.each(DETECTOR_NAMES)(
    '%s refuses time that does not move forward and numbers that are not',
    (name) => {
      const detector = createDetector(name);
      detector.push({ t_ms: 100, pressure: 1000 });
      expect(() => detector.push({ t_ms: 100, pressure: 1000 })).toThrow(/increase/);
      expect(() => detector.push({ t_ms: 200, pressure: Number.NaN })).toThrow(/pressure/);
      expect(() => detector.push({ t_ms: 300, pressure: 1, hr: Infinity })).toThrow(/hr/);
    },
  );
});

describe('redline, on orgasms', () => {
  it.each([10, 15, 37.5, 100])(
    'finds an orgasm with a regular series within 1.6 s of the first contraction at %s Hz',
    (sampleRateHz) => {
      for (const intensity of ['mild', 'moderate', 'intense'] as const) {
        const trace = generateTrace(
          { sampleRateHz, orgasm: { intensity, regularSeries: true } },
          11,
        );
        const orgasm = orgasmOf(trace);
        const events = orgasmEvents(detectAll('redline', trace.samples));
        expect(events).toHaveLength(1);
        const latency = (events[0]?.t_ms ?? Infinity) - (orgasm?.t_ms ?? 0);
        expect(latency).toBeGreaterThan(0);
        expect(latency).toBeLessThanOrEqual(1600);
      }
    },
  );

  it('finds an orgasm without a regular series from its held rise, sooner than the baseline', () => {
    const trace = generateTrace({ orgasm: { intensity: 'moderate', regularSeries: false } }, 3);
    const orgasm = orgasmOf(trace);
    const [redline] = orgasmEvents(detectAll('redline', trace.samples));
    const [baseline] = orgasmEvents(detectAll('eom-baseline', trace.samples));
    expect(redline?.t_ms).toBeGreaterThan(orgasm?.t_ms ?? Infinity);
    expect(redline?.t_ms).toBeLessThan(orgasm?.end_ms ?? 0);
    expect(redline?.t_ms).toBeLessThan(baseline?.t_ms ?? Infinity);
  });

  it('is more confident when the heart rate surges with the contractions', () => {
    const options = { orgasm: { intensity: 'moderate', regularSeries: true } } as const;
    const withHeart = orgasmEvents(detectAll('redline', generateTrace(options, 21).samples));
    const without = orgasmEvents(
      detectAll('redline', generateTrace({ ...options, heartRate: false }, 21).samples),
    );
    expect(withHeart[0]?.confidence).toBeGreaterThan(without[0]?.confidence ?? 1);
  });
});

describe('redline, on what only looks like an orgasm', () => {
  // Ten minutes of each artifact on its own, many times over, at a low and a high rate.
  it.each(ARTIFACT_TYPES.flatMap((type) => [10, 60].map((rate) => [type, rate] as const)))(
    'stays quiet through %s at %s Hz',
    (type, sampleRateHz) => {
      for (const seed of [1, 2, 3]) {
        const trace = generateTrace(
          { sampleRateHz, durationMs: 600_000, orgasm: 'none', artifacts: only(type, 12) },
          seed,
        );
        expect(orgasmEvents(detectAll('redline', trace.samples))).toEqual([]);
      }
    },
  );

  it('stays quiet through motor starts and power jumps without the output column, too', () => {
    for (const seed of [4, 5, 6]) {
      const trace = generateTrace(
        {
          durationMs: 600_000,
          orgasm: 'none',
          output: false,
          artifacts: { ...only('power-jump', 8), 'motor-start': 8 },
        },
        seed,
      );
      expect(orgasmEvents(detectAll('redline', trace.samples))).toEqual([]);
    }
  });

  it('reads a startle at a power jump for what it is where the baseline calls it an orgasm', () => {
    const trace = generateTrace(
      { sampleRateHz: 50, durationMs: 600_000, orgasm: 'none', artifacts: only('power-jump', 12) },
      7,
    );
    const jumps = trace.labels.filter((l) => l.type === 'power-jump');
    const baseline = orgasmEvents(detectAll('eom-baseline', trace.samples));
    expect(baseline.some((e) => jumps.some((j) => e.t_ms >= j.t_ms && e.t_ms <= j.end_ms))).toBe(
      true,
    );
    expect(orgasmEvents(detectAll('redline', trace.samples))).toEqual([]);
  });

  it('does not take a voluntary clench held 3 s for an orgasm', () => {
    const clench = (t: number) => (t >= 20_000 && t < 23_000 ? 250 : 0);
    const samples = samplesOf(0, 40_000, 20, (t) => ({ pressure: 1500 + clench(t), output: 0.4 }));
    expect(orgasmEvents(detectAll('redline', samples))).toEqual([]);
  });
});

describe('distress', () => {
  const heart = (bpm: (t: number) => number) =>
    samplesOf(0, 120_000, 100, (t) => ({
      pressure: 1000,
      ...(t % 1000 === 0 ? { hr: bpm(t) } : {}),
    }));

  it.each(DETECTOR_NAMES)(
    '%s: once per spell above the ceiling held for the agreed time',
    (name) => {
      // Above 150 from 10 s to 50 s, below at 60 s, above again from 70 s.
      const bpm = (t: number) => (t >= 10_000 && t < 60_000 ? 160 : t >= 70_000 ? 155 : 90);
      const events = detectAll(name, heart(bpm), { hrCeilingBpm: 150, hrSustainSeconds: 20 });
      expect(events.filter((e) => e.type === 'distress').map((e) => e.t_ms)).toEqual([
        30_000, 90_000,
      ]);
    },
  );

  it('needs the rate above the ceiling without a break', () => {
    const bpm = (t: number) => (t % 15_000 < 14_000 ? 170 : 120);
    const events = detectAll('redline', heart(bpm), { hrCeilingBpm: 150, hrSustainSeconds: 20 });
    expect(events.filter((e) => e.type === 'distress')).toEqual([]);
  });

  it('is off unless a ceiling is agreed', () => {
    const events = detectAll(
      'redline',
      heart(() => 200),
    );
    expect(events.filter((e) => e.type === 'distress')).toEqual([]);
  });
});
