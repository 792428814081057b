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

type Point = Readonly<{ t: number; x: number }>;

export type ContractionFinder = Readonly<{
  /** Feeds one grid point; `threshold` is the least prominence that counts, in counts. */
  point(t_ms: number, x: number, threshold: number): PeakFinding | undefined;
  reset(): void;
}>;

export function createContractionFinder(): ContractionFinder {
  let history: Point[] = [];
  let trough: Point | undefined;
  let top: Point | undefined;
  let lastPeak = -Infinity;

  const confirm = (now: Point, low: Point, high: Point): Peak => {
    const prominence = high.x - low.x;
    const topLevel = high.x - FALL_SHARE * prominence;
    const onsetLevel = low.x + 0.15 * prominence;
    let riseTop = low.t;
    let onset = low.t;
    let previous: Point | undefined;
    for (const p of history) {
      if (p.t < low.t || p.t > high.t) continue;
      if (p.x <= onsetLevel) onset = p.t;
      if (previous !== undefined && previous.x < topLevel && p.x >= topLevel)
        riseTop = crossing(previous, p, topLevel);
      previous = p;
    }
    const before = history[history.length - 2];
    const fallTop = before === undefined ? now.t : crossing(before, now, topLevel);
    return {
      t_ms: high.t,
      prominence,
      troughLevel: low.x,
      onset_ms: onset,
      width_ms: Math.max(0, fallTop - riseTop),
    };
  };

  return {
    point(t, x, threshold) {
      const now = { t, x };
      history.push(now);
      while ((history[0]?.t ?? t) < t - HISTORY_MS) history.shift();

      if (trough === undefined || top === undefined) {
        // The earliest lowest point since `from` below this one; history is in time order, so
        // the scan walks back from the end and stops at `from` (24 points, not the whole 6 s).
        let low = now;
        const from = Math.max(t - TROUGH_WINDOW_MS, lastPeak);
        for (let i = history.length - 2; i >= 0; i--) {
          const p = history[i];
          if (p === undefined || p.t < from) break;
          if (p.x <= low.x && p.x < x) low = p;
        }
        if (x - low.x >= threshold) {
          trough = low;
          top = now;
        }
        return undefined;
      }
      if (x > top.x) top = now;
      const prominence = top.x - trough.x;
      if (top.x - x >= FALL_SHARE * prominence) {
        const peak = confirm(now, trough, top);
        lastPeak = top.t;
        trough = undefined;
        top = undefined;
        return { kind: 'peak', peak };
      }
      if (t - trough.t > HELD_MS) {
        trough = undefined;
        top = undefined;
        // Start afresh from the held level, so the plateau itself is not a rise.
        history = history.filter((p) => p.t > t - TROUGH_WINDOW_MS / 2);
        return { kind: 'held' };
      }
      return undefined;
    },
    reset() {
      history = [];
      lastPeak = -Infinity;
      trough = undefined;
      top = undefined;
    },
  };
}

/** When the line from `a` to `b` passes `level`. */
function crossing(a: Point, b: Point, level: number): number {
  if (b.x === a.x) return b.t;
  return a.t + ((level - a.x) * (b.t - a.t)) / (b.x - a.x);
}
