import { createSeries } from './series';

/**
 * Finds contraction-like peaks in the gridded pressure, by prominence: a rise of at least
 * `threshold` counts over the lowest point of the last 1.2 s, confirmed once the pressure has
 * fallen back by a third of that rise (not half: between contractions the pelvic floor stays
 * partly tensed, so the pressure falls back only to the tonic level). Each peak carries its
 * shape, so the caller can tell a pelvic-floor contraction (rise 150–220 ms, fall 300–450 ms:
 * about 0.2–0.3 s near its top) from a voluntary clench or a step (held for a second or more).
 */
export type Peak = Readonly<{
  /** Time of the highest grid point. */
  t_ms: number;
  prominence: number;
  /** The lowest point before the rise: within 1.2 s, and after the previous peak if nearer. */
  troughLevel: number;
  /** Last time before the peak at or below 15 % of the prominence. */
  onset_ms: number;
  /** Time spent in the top 35 % of the prominence (above where it is confirmed falling). */
  width_ms: number;
}>;

/** Either a peak, or a rise that stayed up too long to be one (a clench, a step, a plateau). */
export type PeakFinding = Readonly<{ kind: 'peak'; peak: Peak }> | Readonly<{ kind: 'held' }>;

const TROUGH_WINDOW_MS = 1200;
/** Confirmed once it has fallen this share of its prominence. */
const FALL_SHARE = 0.35;
/** A rise still up after this long is a clench, a step or a plateau, not a contraction. */
const HELD_MS = 4000;
const HISTORY_MS = 6000;

export type ContractionFinder = Readonly<{
  /** Feeds one grid point; `threshold` is the least prominence that counts, in counts. */
  point(t_ms: number, x: number, threshold: number): PeakFinding | undefined;
  reset(): void;
}>;

export function createContractionFinder(): ContractionFinder {
  /** The last 6 s of grid points: times and levels (series.ts). */
  const history = createSeries();
  /** The rise being followed: its trough and its top so far (times and levels), or none. */
  let rising = false;
  let troughT = 0;
  let troughX = 0;
  let topT = 0;
  let topX = 0;
  let lastPeak = -Infinity;

  /** The peak whose fall was just confirmed at `(t, x)`, the newest point in `history`. */
  const confirm = (t: number, x: number): Peak => {
    const prominence = topX - troughX;
    const topLevel = topX - FALL_SHARE * prominence;
    const onsetLevel = troughX + 0.15 * prominence;
    let riseTop = troughT;
    let onset = troughT;
    let seen = false;
    let previousT = 0;
    let previousX = 0;
    for (let i = 0; i < history.length(); i++) {
      const pt = history.t(i);
      const px = history.v(i);
      if (pt < troughT || pt > topT) continue;
      if (px <= onsetLevel) onset = pt;
      if (seen && previousX < topLevel && px >= topLevel)
        riseTop = crossing(previousT, previousX, pt, px, topLevel);
      seen = true;
      previousT = pt;
      previousX = px;
    }
    const before = history.length() - 2;
    const fallTop = before < 0 ? t : crossing(history.t(before), history.v(before), t, x, topLevel);
    return {
      t_ms: topT,
      prominence,
      troughLevel: troughX,
      onset_ms: onset,
      width_ms: Math.max(0, fallTop - riseTop),
    };
  };

  return {
    point(t, x, threshold) {
      history.push(t, x);
      while (history.length() > 0 && history.t(0) < t - HISTORY_MS) history.shift();

      if (!rising) {
        // The earliest lowest point since `from` below this one; history is in time order, so
        // the scan walks back from the end and stops at `from` (24 points, not the whole 6 s).
        let lowT = t;
        let lowX = x;
        const from = Math.max(t - TROUGH_WINDOW_MS, lastPeak);
        for (let i = history.length() - 2; i >= 0; i--) {
          const pt = history.t(i);
          if (pt < from) break;
          const px = history.v(i);
          if (px <= lowX && px < x) {
            lowT = pt;
            lowX = px;
          }
        }
        if (x - lowX >= threshold) {
          rising = true;
          troughT = lowT;
          troughX = lowX;
          topT = t;
          topX = x;
        }
        return undefined;
      }
      if (x > topX) {
        topT = t;
        topX = x;
      }
      const prominence = topX - troughX;
      if (topX - x >= FALL_SHARE * prominence) {
        const peak = confirm(t, x);
        lastPeak = topT;
        rising = false;
        return { kind: 'peak', peak };
      }
      if (t - troughT > HELD_MS) {
        rising = false;
        // Start afresh from the held level, so the plateau itself is not a rise.
        history.retain((pt) => pt > t - TROUGH_WINDOW_MS / 2);
        return { kind: 'held' };
      }
      return undefined;
    },
    reset() {
      history.clear();
      lastPeak = -Infinity;
      rising = false;
    },
  };
}

/** When the line from `(at, ax)` to `(bt, bx)` passes `level`. */
function crossing(at: number, ax: number, bt: number, bx: number, level: number): number {
  if (bx === ax) return bt;
  return at + ((level - ax) * (bt - at)) / (bx - ax);
}
