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
  return new Grid(sink);
}

/** A class, not a closure: its numbers change at every reading (see `createNoiseFloor`). */
class Grid implements PressureGrid {
  /** The grid time the open bin ends at. */
  private next: number | undefined = undefined;
  private sum = 0;
  private count = 0;
  private lastT = 0;
  private lastP = 0;

  constructor(private readonly sink: GridSink) {}

  push(t: number, p: number): void {
    if (this.next !== undefined && t - this.lastT > MAX_SAMPLE_GAP_MS) {
      if (this.count > 0) this.close(this.lastT, this.lastP);
      this.sink.gap();
      this.next = undefined;
    }
    if (this.next === undefined) {
      this.next = Math.ceil(t / GRID_MS) * GRID_MS;
      this.sum = 0;
      this.count = 0;
    }
    while (t > this.next) this.close(t, p);
    this.sum += p;
    this.count += 1;
    this.lastT = t;
    this.lastP = p;
    if (t === this.next) this.close(t, p);
  }

  private close(t: number, p: number): void {
    const at = this.next;
    if (at === undefined) return;
    const { lastT, lastP } = this;
    const value =
      this.count > 0
        ? this.sum / this.count
        : lastP + ((p - lastP) * (at - lastT)) / Math.max(1, t - lastT);
    this.sum = 0;
    this.count = 0;
    this.next = at + GRID_MS;
    this.sink.point(at, value);
  }
}
