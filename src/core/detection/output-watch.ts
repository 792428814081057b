/**
 * The commanded output, watched for what makes the body or the sensor jump: the motor starting
 * (output from 0 to above 0) and sudden rises in power. After either, pressure peaks and steps
 * are the toy's doing, not an orgasm's, until `SUSPECT_MS` has passed (start-up twitches and the
 * startle at a power jump end within about 3 s in everything we model).
 */
export const SUSPECT_MS = 3500;
/** A rise at least this big within `RISE_WINDOW_MS` counts as a jump. */
const JUMP = 0.15;
const RISE_WINDOW_MS = 1000;
/** Peaks starting a little before the output change are suspect too (rounding, jitter). */
const LEAD_MS = 300;

export type OutputWatch = Readonly<{
  push(t_ms: number, output: number | undefined): void;
  /** Whether any sample so far carried the commanded output. */
  known(): boolean;
  /** Whether something happening at `t_ms` may be the output's doing. */
  suspect(t_ms: number): boolean;
  /** The last output change that makes things suspect, if any. */
  lastChange(): number | undefined;
}>;

export function createOutputWatch(): OutputWatch {
  return new Watch();
}

/** A class, not a closure: its numbers change at every reading (see `createNoiseFloor`). */
class Watch implements OutputWatch {
  private seen = false;
  /** The last output (NaN before any), kept a plain number so it is updated in place. */
  private previous = NaN;
  /**
   * The outputs of the last `RISE_WINDOW_MS` that could still be its lowest: oldest first, each
   * lower than the one after it, from `head` on (a queue of minima: every push costs O(1) on
   * average, where a scan of the window cost 50 steps at 50 Hz).
   */
  private readonly times: number[] = [];
  private readonly outputs: number[] = [];
  private head = 0;
  private readonly changes: number[] = [];

  push(t: number, output: number | undefined): void {
    if (output === undefined) return;
    this.seen = true;
    const { times, outputs, changes } = this;
    let head = this.head;
    while (head < times.length && (times[head] ?? t) < t - RISE_WINDOW_MS) head += 1;
    const low = head < outputs.length ? Math.min(outputs[head] ?? output, output) : output;
    const started = this.previous <= 0 && output > 0;
    if (started || output - low >= JUMP) {
      const last = changes[changes.length - 1];
      if (last === undefined || t - last > 200) changes.push(t);
      else changes[changes.length - 1] = t;
      if (changes.length > 8) changes.shift();
      times.length = 0;
      outputs.length = 0;
      head = 0;
    }
    // Older outputs at or above this one can never be the window's lowest again.
    while (outputs.length > head && (outputs[outputs.length - 1] ?? output) >= output) {
      outputs.pop();
      times.pop();
    }
    if (head > 64 && head * 2 > times.length) {
      times.splice(0, head);
      outputs.splice(0, head);
      head = 0;
    }
    times.push(t);
    outputs.push(output);
    this.head = head;
    this.previous = output;
  }

  known(): boolean {
    return this.seen;
  }

  suspect(t: number): boolean {
    for (const c of this.changes) if (t >= c - LEAD_MS && t < c + SUSPECT_MS) return true;
    return false;
  }

  lastChange(): number | undefined {
    return this.changes[this.changes.length - 1];
  }
}
