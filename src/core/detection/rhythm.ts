import type { Peak } from './contractions';
import type { Sensitivity } from './orgasm-detector';

/**
 * Whether the latest contraction-like peaks are the start of an orgasm's series, from the
 * physiology in DESIGN.md: contractions about 0.8 s apart, each gap about 0.1 s longer, the
 * amplitude rising over the first few, all riding on a tonic rise of the pelvic floor (between
 * contractions the pressure stays above where it was before the first).
 */
export type SeriesPeak = Peak &
  Readonly<{
    /** Lowest pressure between the previous peak and this one. */
    valley: number;
    /** Near an output start or jump, so possibly the toy's doing. */
    suspect: boolean;
  }>;

export type RhythmContext = Readonly<{
  sensitivity: Sensitivity;
  /** Whether the commanded output is known, so a startle at a power jump can be ruled out. */
  outputKnown: boolean;
  /** 0–1, from the heart rate. */
  heartSupport: number;
  /** Noise of one smoothed grid point, counts. */
  sigma: number;
}>;

type Limits = Readonly<{
  /** Gap between the first two contractions (0.74–0.86 s, plus timing error at 10 Hz). */
  firstGap: readonly [number, number];
  /** The second of two over the first (the amplitude rises at first). */
  minRatio: number;
  /** Tonic rise under a pair, as a share of the first's prominence (it is 30–70 %). */
  tonicShare: number;
  /** Whether two contractions may decide without the heart rate backing them. */
  twoWithoutHeart: boolean;
}>;

const LIMITS: Readonly<Record<Sensitivity, Limits>> = {
  low: { firstGap: [680, 960], minRatio: 0.9, tonicShare: 0.18, twoWithoutHeart: false },
  normal: { firstGap: [650, 1000], minRatio: 0.8, tonicShare: 0.12, twoWithoutHeart: true },
  high: { firstGap: [620, 1050], minRatio: 0.7, tonicShare: 0.08, twoWithoutHeart: true },
};

/** The second of a first pair is at or near the series' top: at least 34 counts in a mild one. */
const CLEAR_PROMINENCE = 24;
const TWO_MAX_WIDTH_MS = 400;
const HEART_BACKS = 0.5;

/**
 * The confidence that `series` (oldest first, the newest just confirmed) is an orgasm, if it is.
 * The more contractions, the less else they need to show: four need only their rhythm; three
 * also their amplitudes and a tonic rise; two all of that with stricter limits.
 */
export function judgeSeries(
  series: readonly SeriesPeak[],
  context: RhythmContext,
): number | undefined {
  const heart = 0.1 * context.heartSupport;
  if (fourInRhythm(series.slice(-4), context)) return Math.min(0.99, 0.85 + heart);
  // Without the output, a startle at a power jump (up to three twitches about as far apart as
  // contractions, over a step) looks like a short series: then the heart rate must back it.
  const startleRuledOut = context.outputKnown || context.heartSupport >= HEART_BACKS;
  if (!startleRuledOut) return undefined;
  if (threeInRhythm(series.slice(-3), context)) return Math.min(0.99, 0.75 + heart);
  if (twoInRhythm(series.slice(-2), context)) return Math.min(0.99, 0.6 + heart);
  return undefined;
}

/** Four peaks whose gaps fit a series anywhere along it: 0.55–2.1 s, each a little longer. */
function fourInRhythm(four: readonly SeriesPeak[], { sigma }: RhythmContext): boolean {
  if (four.length < 4) return false;
  if (four.filter((p) => p.suspect).length > 1) return false;
  if (four.some((p) => p.prominence < 5 * sigma)) return false;
  const clear = four.filter((p) => p.prominence >= Math.max(CLEAR_PROMINENCE, 8 * sigma));
  if (clear.length < 2) return false;
  const gaps = intervals(four);
  if (gaps.some((g) => g < 550 || g > 2100)) return false;
  return intervals(gaps).every((d) => d >= -150 && d <= 350);
}

function threeInRhythm(three: readonly SeriesPeak[], context: RhythmContext): boolean {
  const [a, b, c] = three;
  if (a === undefined || b === undefined || c === undefined) return false;
  if (a.suspect || b.suspect || c.suspect) return false;
  const [i1 = 0, i2 = 0] = intervals(three);
  const tonic = Math.max(b.valley, c.valley) - a.troughLevel;
  const share = LIMITS[context.sensitivity].tonicShare / 2;
  return (
    i1 >= 600 &&
    i1 <= 1100 &&
    i2 - i1 >= -120 &&
    i2 - i1 <= 320 &&
    b.prominence >= 0.6 * a.prominence &&
    c.prominence >= 0.2 * b.prominence &&
    tonic >= Math.max(share * a.prominence, 2 * context.sigma)
  );
}

function twoInRhythm(two: readonly SeriesPeak[], context: RhythmContext): boolean {
  const [a, b] = two;
  if (a === undefined || b === undefined || a.suspect || b.suspect) return false;
  const limits = LIMITS[context.sensitivity];
  const backed = context.heartSupport >= HEART_BACKS;
  if (!limits.twoWithoutHeart && !backed) return false;
  const gap = b.t_ms - a.t_ms;
  const ratio = b.prominence / a.prominence;
  const tonic = b.valley - a.troughLevel;
  const share = backed ? limits.tonicShare / 2 : limits.tonicShare;
  return (
    gap >= limits.firstGap[0] &&
    gap <= limits.firstGap[1] &&
    ratio >= limits.minRatio &&
    ratio <= 4 &&
    // Two is the least evidence acted on: both clear of the noise, the second clearly so.
    a.prominence >= 5 * context.sigma &&
    b.prominence >= Math.max(CLEAR_PROMINENCE, 8 * context.sigma) &&
    a.width_ms <= TWO_MAX_WIDTH_MS &&
    b.width_ms <= TWO_MAX_WIDTH_MS &&
    tonic >= Math.max(share * a.prominence, 2.5 * context.sigma)
  );
}

/** Differences between neighbours: gaps between peaks, or changes between gaps. */
function intervals(values: readonly (number | Readonly<{ t_ms: number }>)[]): number[] {
  const at = (v: number | Readonly<{ t_ms: number }>) => (typeof v === 'number' ? v : v.t_ms);
  return values.slice(1).map((v, i) => at(v) - at(values[i] ?? v));
}
