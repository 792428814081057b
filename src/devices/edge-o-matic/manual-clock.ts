import type { Timers } from './motor-gate';

/** A clock and timers that move only when a test says so (STYLE.md: tests move time by hand). */
export function createManualClock() {
  let now = 0;
  let pending: { at: number; callback: () => void }[] = [];
  const timers: Timers = {
    setTimeout(callback, ms) {
      const timer = { at: now + Math.max(0, ms), callback };
      pending.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      pending = pending.filter((timer) => timer !== handle);
    },
  };
  return {
    now: () => now,
    timers,
    /** Moves time on, running each timer that falls due, in order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = pending.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (next === undefined) break;
        pending = pending.filter((t) => t !== next);
        now = next.at;
        next.callback();
      }
      now = until;
    },
    pendingCount: () => pending.length,
  };
}
