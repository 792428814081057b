/**
 * Paces output commands per device feature: at most one per timing gap, the latest value wins,
 * and an unchanged value is never sent again — BLE command floods have made toys lag by seconds.
 * A stop bypasses all of it (the adapter sends StopCmd itself) and resets what was sent to zero.
 */
export type Timers = Readonly<{
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}>;

export const realTimers: Timers = {
  now: () => performance.now(),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    return () => {
      clearTimeout(timer);
    };
  },
};

type Lane = { sent: number; sentAt: number; pending: number | null; cancel: (() => void) | null };

export type Pacer = {
  /** Asks for `value` on `key`; sends now, later (coalesced), or not at all if unchanged. */
  set(key: string, value: number, gapMs: number): void;
  /** After a stop: everything counts as sent at zero, and nothing queued goes out. */
  resetToZero(): void;
};

export function createPacer(send: (key: string, value: number) => void, timers: Timers): Pacer {
  const lanes = new Map<string, Lane>();
  const flush = (key: string, lane: Lane) => {
    lane.cancel = null;
    const value = lane.pending;
    lane.pending = null;
    if (value === null || value === lane.sent) return;
    lane.sent = value;
    lane.sentAt = timers.now();
    send(key, value);
  };
  return {
    set(key, value, gapMs) {
      let lane = lanes.get(key);
      if (lane === undefined) {
        lane = { sent: 0, sentAt: Number.NEGATIVE_INFINITY, pending: null, cancel: null };
        lanes.set(key, lane);
      }
      if (lane.cancel !== null) {
        lane.pending = value;
        return;
      }
      if (value === lane.sent) return;
      lane.pending = value;
      const wait = lane.sentAt + gapMs - timers.now();
      if (wait <= 0) flush(key, lane);
      else {
        const current = lane;
        lane.cancel = timers.after(wait, () => {
          flush(key, current);
        });
      }
    },
    resetToZero() {
      const now = timers.now();
      for (const lane of lanes.values()) {
        lane.cancel?.();
        lane.cancel = null;
        lane.pending = null;
        lane.sent = 0;
        lane.sentAt = now;
      }
    },
  };
}
