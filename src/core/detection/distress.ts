/**
 * Distress from heart rate: readings above the agreed ceiling, without a break, for the agreed
 * time. One event per episode; the next needs a reading at or below the ceiling first.
 */
export type DistressWatch = Readonly<{
  /** Returns the event's confidence when distress is decided at this sample. */
  push(t_ms: number, hr: number | undefined): number | undefined;
}>;

/**
 * Readings arrive about once a second. If none came for this long, the run above the ceiling
 * is no longer known to be continuous and starts again at the next reading.
 */
const MAX_READING_GAP_MS = 5000;

export function createDistressWatch(ceilingBpm: number, sustainMs: number): DistressWatch {
  let runStart: number | undefined;
  let lastReading = -Infinity;
  let fired = false;

  return {
    push(t, hr) {
      if (hr !== undefined) {
        if (t - lastReading > MAX_READING_GAP_MS) runStart = undefined;
        lastReading = t;
        if (hr > ceilingBpm) runStart ??= t;
        else {
          runStart = undefined;
          fired = false;
        }
      } else if (t - lastReading > MAX_READING_GAP_MS) runStart = undefined;

      if (fired || runStart === undefined || t - runStart < sustainMs) return undefined;
      fired = true;
      return 1;
    },
  };
}
