/**
 * The live plot's memory: a bounded ring of samples (scene-clock ms, and the requested and applied
 * level of each output), so a long scene never grows the page's memory.
 */
export type Levels = Readonly<Record<string, number>>;
export type Sample = Readonly<{ t: number; requested: Levels; applied: Levels }>;

export type PlotBuffer = Readonly<{
  push: (sample: Sample) => void;
  clear: () => void;
  size: () => number;
  /** uPlot's columns: x (ms), then requested and applied for each key, within the window. */
  columns: (keys: readonly string[]) => [number[], ...(number | null)[][]];
}>;

export const PLOT_WINDOW_MS = 120_000;

export function createPlotBuffer(capacity: number, windowMs = PLOT_WINDOW_MS): PlotBuffer {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be at least 1');
  const ring: (Sample | undefined)[] = new Array<Sample | undefined>(capacity);
  let head = 0; // where the next sample goes
  let count = 0;

  const at = (i: number): Sample | undefined => ring[(head - count + i + capacity) % capacity];
  const last = () => (count === 0 ? undefined : at(count - 1));

  return {
    push(sample) {
      if (!Number.isFinite(sample.t)) return;
      const previous = last();
      if (previous !== undefined) {
        // Time went backwards: another scene or a restarted clock. Start afresh.
        if (sample.t < previous.t) count = 0;
        // Same moment: the newer view wins.
        else if (sample.t === previous.t) {
          ring[(head - 1 + capacity) % capacity] = sample;
          return;
        }
      }
      ring[head] = sample;
      head = (head + 1) % capacity;
      count = Math.min(count + 1, capacity);
    },
    clear() {
      count = 0;
    },
    size: () => count,
    columns(keys) {
      const newest = last();
      const from = newest === undefined ? 0 : newest.t - windowMs;
      const xs: number[] = [];
      const series = keys.flatMap(() => [[] as (number | null)[], [] as (number | null)[]]);
      for (let i = 0; i < count; i++) {
        const s = at(i);
        if (s === undefined || s.t < from) continue;
        xs.push(s.t);
        keys.forEach((key, k) => {
          series[2 * k]?.push(s.requested[key] ?? null);
          series[2 * k + 1]?.push(s.applied[key] ?? null);
        });
      }
      return [xs, ...series];
    },
  };
}
