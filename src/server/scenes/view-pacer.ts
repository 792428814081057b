/**
 * One timer for every scene's paced view (decision 0017: a view that only moves outputs goes out
 * at most ten times a second per scene). A timer of its own per waiting view was, at 1,000
 * scenes, 10,000 timers a second, each an object that lived up to 100 ms: long enough to be
 * copied by a young-generation GC, and those pauses were in the way of most late reds.
 */
export type ViewPacer = Readonly<{
  /**
   * Runs `run` once, at `dueAt` (`performance.now()` ms) or up to one tick after. A second wait
   * of the same `run` replaces the first.
   */
  wait(run: () => void, dueAt: number): void;
  /** Forgets `run`'s wait, if it has one. */
  cancel(run: () => void): void;
}>;

/** How late a paced view may go out: a tenth of the pace. */
export const VIEW_TICK_MS = 10;

export function createViewPacer(
  tickMs = VIEW_TICK_MS,
  now: () => number = () => performance.now(),
): ViewPacer {
  const waiting = new Map<() => void, number>();
  /** This tick's runs, gathered before any runs: a run that waits again waits for a later tick. */
  const due: (() => void)[] = [];
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    const at = now();
    for (const [run, dueAt] of waiting) if (dueAt <= at) due.push(run);
    for (const run of due) waiting.delete(run);
    // Each run as if on a timer of its own: one that throws keeps no other from its turn, and
    // the first error is thrown once every run had it.
    let failed = false;
    let failure: unknown;
    for (const run of due) {
      try {
        run();
      } catch (error) {
        if (!failed) failure = error;
        failed = true;
      }
    }
    due.length = 0;
    if (waiting.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
    if (failed) throw failure;
  };
  return {
    wait(run, dueAt) {
      waiting.set(run, dueAt);
      timer ??= setInterval(tick, tickMs);
    },
    cancel(run) {
      waiting.delete(run);
    },
  };
}

/** The process's pacer, shared by its scenes. */
export const sharedViewPacer: ViewPacer = createViewPacer();
