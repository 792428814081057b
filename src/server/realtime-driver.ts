import type { SceneClock } from './scene-clock';

/**
 * Work that falls due at known times (heartbeats, ticks, planned actions). The same schedule can
 * run on a simulated clock, jumping from one due time to the next, or in real time here.
 */
export type Schedule = Readonly<{
  /** When the next item falls due, in ms from the scene's creation. */
  next(): number;
  /**
   * Carries out everything due at `due`, in its order, each event stamped `at`: `due` itself on a
   * simulated clock; in real time, the clock's reading as the moment runs (never earlier).
   */
  run(due: number, at: number): void;
}>;

export type RealTimeOptions = Readonly<{
  clock: SceneClock;
  /** Nothing due later than this is run; once the clock reaches it, the run ends. */
  untilMs: number;
  /** True once the scene needs nothing more from the schedule (stopped or closed). */
  done(): boolean;
}>;

/** Why a run ended: `done()` became true, `untilMs` passed, or `cancel()` was called. */
export type RunEnd = 'done' | 'until' | 'cancelled';

export type RealTimeRun = Readonly<{
  /** Settles once, when the run ends; rejects if the schedule threw (a bug). */
  ended: Promise<RunEnd>;
  /** Looks at `done()` again now: something outside the schedule (a lost device) changed the scene. */
  check(): void;
  /** Ends the run at once; nothing more is scheduled. */
  cancel(): void;
}>;

/**
 * Runs a schedule in real time: each item when the clock reaches its due time, late items in
 * order as soon as possible. It starts at once (items due at 0 run before this returns) and stops
 * scheduling the moment `done()` is true, so nothing is dispatched after a scene's stop.
 */
export function driveInRealTime(schedule: Schedule, options: RealTimeOptions): RealTimeRun {
  const { clock, untilMs } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: ((end: RunEnd) => void) | undefined;
  let fail: ((error: unknown) => void) | undefined;
  const ended = new Promise<RunEnd>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let settled = false;
  const finish = (end: RunEnd) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    settle?.(end);
  };
  const arm = (ms: number) => {
    clearTimeout(timer);
    // Timers may fire a little early; `wake` checks the clock again and re-arms if so.
    timer = setTimeout(wake, Math.max(1, ms));
  };

  function wake(): void {
    if (settled) return;
    try {
      for (;;) {
        if (options.done()) {
          finish('done');
          return;
        }
        const due = schedule.next();
        const now = clock.now();
        if (due > untilMs) {
          if (now >= untilMs) finish('until');
          else arm(untilMs - now);
          return;
        }
        if (due > now) {
          arm(due - now);
          return;
        }
        // One reading for the whole moment: its events happen together, as on the simulated
        // clock, rather than each nudging the ramp by the microseconds the one before took.
        schedule.run(due, clock.now());
      }
    } catch (error) {
      settled = true;
      clearTimeout(timer);
      fail?.(error);
    }
  }

  wake();
  return {
    ended,
    check() {
      if (!settled && options.done()) finish('done');
    },
    cancel() {
      finish('cancelled');
    },
  };
}
