import { createContractionFinder, type PeakFinding } from './contractions';
import { createHeartSupport } from './heart-support';
import { createNoiseFloor } from './noise-floor';
import type { OrgasmDetector, Sensitivity } from './orgasm-detector';
import { createOutputWatch } from './output-watch';
import { createPressureGrid, GRID_MS } from './pressure-grid';
import { judgeSeries, type SeriesPeak } from './rhythm';
import { createSlowBaseline } from './slow-baseline';
import { createSustainedRise } from './sustained-rise';

/**
 * Redline's orgasm detector (docs/decisions/0010-orgasm-detection.md). Pressure goes onto a
 * 50 ms grid; contraction-like peaks are found by prominence over a running noise estimate;
 * a series is judged by its rhythm, amplitudes and tonic rise, from two contractions on; peaks
 * near an output start or jump count only in a longer series; a smooth held rise covers orgasms
 * without a series; heart rate, when there is one, adds confidence and relaxes the thresholds.
 * One event per orgasm: nothing more for `REFRACTORY_MS`.
 */
export const REFRACTORY_MS = 30_000;

/** Least prominence of a contraction: counts, and multiples of the grid's noise. */
const PROMINENCE: Readonly<Record<Sensitivity, Readonly<{ counts: number; sigmas: number }>>> = {
  low: { counts: 18, sigmas: 6 },
  normal: { counts: 12, sigmas: 4.5 },
  high: { counts: 9, sigmas: 3.5 },
};
/** What a contraction looks like: up within 0.5 s, in its top third for 0.06–0.5 s. */
const MAX_RISE_MS = 500;
const WIDTH_MS: readonly [number, number] = [60, 500];
/** Peaks further apart than this are not one series. */
const MAX_GAP_MS = 2200;
const SERIES_MEMORY = 6;
/**
 * Grid points are averaged over the last 150 ms before peaks are looked for: noise drops by
 * up to 4 times, a contraction (rise 150–220 ms, fall 300–450 ms) loses little of its height.
 */
const SMOOTH_POINTS = 3;

export function createRedlineDetector(sensitivity: Sensitivity): OrgasmDetector {
  const noise = createNoiseFloor();
  const output = createOutputWatch();
  const heart = createHeartSupport();
  const baseline = createSlowBaseline();
  const finder = createContractionFinder();
  const sustained = createSustainedRise(sensitivity);
  const prominence = PROMINENCE[sensitivity];

  let series: SeriesPeak[] = [];
  let valley = Infinity;
  let refractoryUntil = -Infinity;
  /** What this push decided, written by the grid's callbacks. */
  let decided: number | undefined;
  const takeDecision = () => {
    const confidence = decided;
    decided = undefined;
    return confidence;
  };
  let now = 0;
  let heartSupport = 0;
  let recent: number[] = [];

  const decide = (confidence: number | undefined) => {
    if (confidence !== undefined && now >= refractoryUntil)
      decided = Math.max(decided ?? 0, confidence);
  };

  const onFinding = (finding: PeakFinding, sigma: number) => {
    if (finding.kind === 'held') {
      series = [];
      return;
    }
    const { peak } = finding;
    const shaped =
      peak.t_ms - peak.onset_ms <= MAX_RISE_MS &&
      peak.width_ms >= WIDTH_MS[0] &&
      peak.width_ms <= WIDTH_MS[1];
    const entry: SeriesPeak = {
      ...peak,
      valley: Math.min(valley, peak.troughLevel),
      suspect: output.suspect(peak.onset_ms) || output.suspect(peak.t_ms),
    };
    valley = Infinity;
    if (!shaped) {
      series = [];
      return;
    }
    const last = series[series.length - 1];
    if (last !== undefined && entry.t_ms - last.t_ms > MAX_GAP_MS) series = [];
    series.push(entry);
    if (series.length > SERIES_MEMORY) series.shift();
    decide(
      judgeSeries(series, {
        sensitivity,
        outputKnown: output.known(),
        heartSupport,
        sigma,
      }),
    );
  };

  const grid = createPressureGrid({
    point(t, raw) {
      recent.push(raw);
      if (recent.length > SMOOTH_POINTS) recent.shift();
      const x = recent.reduce((a, b) => a + b, 0) / recent.length;
      baseline.push(t, x);
      const sigma = noise.averagedSigma(GRID_MS * SMOOTH_POINTS);
      valley = Math.min(valley, x);
      const threshold = Math.max(prominence.counts, prominence.sigmas * sigma);
      const finding = finder.point(t, x, threshold);
      if (finding !== undefined) onFinding(finding, sigma);
      decide(
        sustained.point(t, x, {
          baseline: baseline.level(),
          sigma,
          suspect: output.suspect(t),
          heartSupport,
        }),
      );
    },
    gap() {
      finder.reset();
      baseline.reset();
      sustained.reset();
      noise.reset();
      series = [];
      valley = Infinity;
      recent = [];
    },
  });

  return {
    push(sample) {
      now = sample.t_ms;
      noise.push(sample.t_ms, sample.pressure);
      output.push(sample.t_ms, sample.output);
      heart.push(sample.t_ms, sample.hr);
      heartSupport = heart.support(now);
      grid.push(sample.t_ms, sample.pressure);
      const confidence = takeDecision();
      if (confidence === undefined) return undefined;
      refractoryUntil = now + REFRACTORY_MS;
      series = [];
      return confidence;
    },
  };
}
