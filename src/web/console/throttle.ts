/**
 * A trailing throttle for a stream of values (a slider being dragged): the first value goes at
 * once, later ones at most once per interval, and the last value is never dropped. Time and timers
 * are passed in so tests can move time by hand.
 */
export type Timers = Readonly<{
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}>;

export type Throttle<T> = Readonly<{
  push: (value: T) => void;
  /** Sends a waiting value now (e.g. when the finger lifts). */
  flush: () => void;
  /** Drops a waiting value without sending it. */
  cancel: () => void;
}>;

export const browserTimers: Timers = {
  now: () => performance.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** 20 frames a second at most: smooth to the eye, light on the server. */
export const INTENSITY_INTERVAL_MS = 50;

export function createThrottle<T>(
  intervalMs: number,
  send: (value: T) => void,
  timers: Timers = browserTimers,
): Throttle<T> {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let waiting: { value: T } | null = null;
  let timer: unknown = null;

  const sendNow = (value: T) => {
    lastSentAt = timers.now();
    send(value);
  };
  const stopTimer = () => {
    if (timer !== null) timers.clearTimer(timer);
    timer = null;
  };
  const flush = () => {
    stopTimer();
    if (waiting === null) return;
    const { value } = waiting;
    waiting = null;
    sendNow(value);
  };

  return {
    push(value) {
      const since = timers.now() - lastSentAt;
      if (since >= intervalMs && timer === null) {
        waiting = null;
        sendNow(value);
        return;
      }
      waiting = { value };
      timer ??= timers.setTimer(flush, Math.max(0, intervalMs - since));
    },
    flush,
    cancel() {
      stopTimer();
      waiting = null;
    },
  };
}
