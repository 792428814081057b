/**
 * Puts pressure samples on a fixed 50 ms grid, so everything after it behaves the same at any
 * rate from 10 to 100 Hz: a grid point is the mean of the samples in the 50 ms up to it (which
 * also averages noise away at high rates), or, with none there, the straight line between the
 * samples either side. Causal: a grid point is only emitted once a sample at or after it is in.
 * Across a gap longer than `MAX_SAMPLE_GAP_MS` nothing is made up: the caller hears of the gap.
 */
export const GRID_MS = 50;
/** Longer than any regular spacing at 10 Hz (100 ms), with room for jitter. */
export const MAX_SAMPLE_GAP_MS = 300;

export type GridSink = Readonly<{
  point(t_ms: number, pressure: number): void;
  gap(): void;
}>;

export type PressureGrid = Readonly<{ push(t_ms: number, pressure: number): void }>;

export function createPressureGrid(sink: GridSink): PressureGrid {
  let next: number | undefined; // the grid time the open bin ends at
  let sum = 0;
  let count = 0;
  let lastT = 0;
  let lastP = 0;

  const close = (t: number, p: number) => {
    if (next === undefined) return;
    const at = next;
    const value =
      count > 0 ? sum / count : lastP + ((p - lastP) * (at - lastT)) / Math.max(1, t - lastT);
    sum = 0;
    count = 0;
    next += GRID_MS;
    sink.point(at, value);
  };

  return {
    push(t, p) {
      if (next !== undefined && t - lastT > MAX_SAMPLE_GAP_MS) {
        if (count > 0) close(lastT, lastP);
        sink.gap();
        next = undefined;
      }
      if (next === undefined) {
        next = Math.ceil(t / GRID_MS) * GRID_MS;
        sum = 0;
        count = 0;
      }
      while (t > next) close(t, p);
      sum += p;
      count += 1;
      lastT = t;
      lastP = p;
      if (t === next) close(t, p);
    },
  };
}
