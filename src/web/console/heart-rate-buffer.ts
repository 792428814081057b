/**
 * The console's memory of the receiver's heart rate, built from successive views: each view
 * carries only the last reading, so readings are told apart by their time (`at`). Bounded, and
 * only the last two minutes are drawn.
 */
import { PLOT_WINDOW_MS } from './plot-buffer';

export type HeartRatePoint = Readonly<{ bpm: number; at: number }>;

/** A reading older than this no longer says how the receiver is now. */
export const HEART_RATE_STALE_MS = 10_000;

export function isHeartRateStale(point: HeartRatePoint, now: number): boolean {
  return now - point.at > HEART_RATE_STALE_MS;
}

export type HeartRateBuffer = Readonly<{
  /** Adds the view's reading if it is new; returns whether it was. */
  push: (point: HeartRatePoint | null) => boolean;
  size: () => number;
  /**
   * uPlot's columns for the window before `now`: x (ms), then bpm. A silence longer than the
   * stale limit becomes a gap (null), so the line does not pretend to know what happened in it.
   */
  columns: (now: number) => [number[], (number | null)[]];
}>;

export function createHeartRateBuffer(
  capacity: number,
  windowMs = PLOT_WINDOW_MS,
): HeartRateBuffer {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be at least 1');
  let points: HeartRatePoint[] = [];

  return {
    push(point) {
      if (point === null || !Number.isFinite(point.at) || !Number.isFinite(point.bpm)) return false;
      const last = points.at(-1);
      if (last !== undefined) {
        if (point.at === last.at) return false;
        // Time went backwards: another scene or a restarted clock. Start afresh.
        if (point.at < last.at) points = [];
      }
      points.push(point);
      if (points.length > capacity) points = points.slice(points.length - capacity);
      return true;
    },
    size: () => points.length,
    columns(now) {
      const from = now - windowMs;
      const xs: number[] = [];
      const bpms: (number | null)[] = [];
      let previous: HeartRatePoint | undefined;
      for (const p of points) {
        if (p.at < from) continue;
        if (previous !== undefined && p.at - previous.at > HEART_RATE_STALE_MS) {
          xs.push(previous.at + 1);
          bpms.push(null);
        }
        xs.push(p.at);
        bpms.push(p.bpm);
        previous = p;
      }
      return [xs, bpms];
    },
  };
}

/** The y range: a calm 50–150 bpm frame that widens to whatever the readings need. */
export function heartRateRange(bpms: readonly (number | null)[]): [number, number] {
  let low = 50;
  let high = 150;
  for (const b of bpms) {
    // uPlot hands in null or NaN while there is no data yet.
    if (b === null || !Number.isFinite(b)) continue;
    low = Math.min(low, Math.floor((b - 10) / 10) * 10);
    high = Math.max(high, Math.ceil((b + 10) / 10) * 10);
  }
  return [Math.max(0, low), high];
}
