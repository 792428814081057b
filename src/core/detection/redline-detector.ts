import { createContractionFinder, type PeakFinding } from './contractions';
import { createHeartSupport } from './heart-support';
import { createNoiseFloor } from './noise-floor';
import type { OrgasmDetector, Sensitivity } from './orgasm-detector';
import type { Sample } from './trace';
import { createOutputWatch } from './output-watch';
import { createPressureGrid, GRID_MS, type GridSink, type PressureGrid } from './pressure-grid';
import { judgeSeries, type SeriesPeak } from './rhythm';
import { createSlowBaseline } from './slow-baseline';
import { createSustainedRise, type SustainedRise } from './sustained-rise';

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
  return new RedlineDetector(sensitivity);
}

/**
 * A class, not a closure: its numbers change at every reading, and a closure's variable is
 * boxed anew at every write (see `createNoiseFloor`). It is also the grid's sink.
 */
class RedlineDetector implements OrgasmDetector, GridSink {
  private readonly noise = createNoiseFloor();
  private readonly output = createOutputWatch();
  private readonly heart = createHeartSupport();
  private readonly baseline = createSlowBaseline();
  private readonly finder = createContractionFinder();
  private readonly sustained: SustainedRise;
  private readonly prominence: Readonly<{ counts: number; sigmas: number }>;
  private readonly grid: PressureGrid;

  private series: SeriesPeak[] = [];
  private valley = Infinity;
  private refractoryUntil = -Infinity;
  /** What this push decided, written by the grid's callbacks (NaN: nothing). */
  private decided = NaN;
  private now = 0;
  private heartSupport = 0;
  /** The last `SMOOTH_POINTS` grid points, oldest first. */
  private recent: number[] = [];

  constructor(private readonly sensitivity: Sensitivity) {
    this.sustained = createSustainedRise(sensitivity);
    this.prominence = PROMINENCE[sensitivity];
    this.grid = createPressureGrid(this);
  }

  push(sample: Sample): number | undefined {
    const now = sample.t_ms;
    this.now = now;
    this.noise.push(now, sample.pressure);
    this.output.push(now, sample.output);
    this.heart.push(now, sample.hr);
    this.heartSupport = this.heart.support(now);
    this.grid.push(now, sample.pressure);
    const confidence = this.decided;
    this.decided = NaN;
    if (Number.isNaN(confidence)) return undefined;
    this.refractoryUntil = now + REFRACTORY_MS;
    this.series = [];
    return confidence;
  }

  point(t: number, raw: number): void {
    const { recent } = this;
    recent.push(raw);
    if (recent.length > SMOOTH_POINTS) recent.shift();
    let sum = 0;
    for (let i = 0; i < recent.length; i++) sum += recent[i] ?? 0;
    const x = sum / recent.length;
    this.baseline.push(t, x);
    const sigma = this.noise.averagedSigma(GRID_MS * SMOOTH_POINTS);
    this.valley = Math.min(this.valley, x);
    const threshold = Math.max(this.prominence.counts, this.prominence.sigmas * sigma);
    const finding = this.finder.point(t, x, threshold);
    if (finding !== undefined) this.onFinding(finding, sigma);
    this.decide(
      this.sustained.point(t, x, {
        baseline: this.baseline.level(),
        sigma,
        suspect: this.output.suspect(t),
        heartSupport: this.heartSupport,
      }),
    );
  }

  gap(): void {
    this.finder.reset();
    this.baseline.reset();
    this.sustained.reset();
    this.noise.reset();
    this.series = [];
    this.valley = Infinity;
    this.recent = [];
  }

  private decide(confidence: number | undefined): void {
    if (confidence !== undefined && this.now >= this.refractoryUntil)
      this.decided = Math.max(Number.isNaN(this.decided) ? 0 : this.decided, confidence);
  }

  private onFinding(finding: PeakFinding, sigma: number): void {
    if (finding.kind === 'held') {
      this.series = [];
      return;
    }
    const { peak } = finding;
    const shaped =
      peak.t_ms - peak.onset_ms <= MAX_RISE_MS &&
      peak.width_ms >= WIDTH_MS[0] &&
      peak.width_ms <= WIDTH_MS[1];
    const entry: SeriesPeak = {
      ...peak,
      valley: Math.min(this.valley, peak.troughLevel),
      suspect: this.output.suspect(peak.onset_ms) || this.output.suspect(peak.t_ms),
    };
    this.valley = Infinity;
    if (!shaped) {
      this.series = [];
      return;
    }
    const last = this.series[this.series.length - 1];
    if (last !== undefined && entry.t_ms - last.t_ms > MAX_GAP_MS) this.series = [];
    this.series.push(entry);
    if (this.series.length > SERIES_MEMORY) this.series.shift();
    this.decide(
      judgeSeries(this.series, {
        sensitivity: this.sensitivity,
        outputKnown: this.output.known(),
        heartSupport: this.heartSupport,
        sigma,
      }),
    );
  }
}
