import type { Rng } from './rng';

export type Window = Readonly<{ start: number; end: number }>;

/** How far apart events are kept, so each label's surroundings are quiet enough to judge. */
export const EVENT_PAD_MS = 3000;

/**
 * Places non-overlapping windows on the timeline. Rejection sampling: fine for the handful of
 * events a trace has, and it fails loudly (the options asked for more than fits) rather than
 * quietly dropping an event the caller asked for.
 */
export function createSchedule(rng: Rng, durationMs: number) {
  const taken: Window[] = [];
  const free = (w: Window) =>
    taken.every((o) => w.end + EVENT_PAD_MS <= o.start || o.end + EVENT_PAD_MS <= w.start);

  return {
    reserve(window: Window): void {
      if (!free(window)) throw new RangeError(`window ${window.start}–${window.end} ms overlaps`);
      taken.push(window);
    },
    /** A start in [from, to] for a window of `lengthMs` that overlaps nothing reserved. */
    place(lengthMs: number, from = 1000, to = durationMs - lengthMs - 1000): number {
      for (let attempt = 0; attempt < 500; attempt++) {
        const start = Math.round(rng.uniform(from, to));
        const window = { start, end: start + lengthMs };
        if (to >= from && free(window)) {
          taken.push(window);
          return start;
        }
      }
      throw new RangeError(
        `cannot fit a ${Math.round(lengthMs)} ms event into a ${durationMs} ms trace: ` +
          'ask for fewer artifacts or a longer duration',
      );
    },
  };
}

export type Schedule = ReturnType<typeof createSchedule>;
