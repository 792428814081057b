import { describe, expect, it } from 'vitest';
import { createThrottle, type Timers } from './throttle';

/** Hand-moved time: timers fire only when the test advances the clock past them. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimer: (run, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (handle) => {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...pending.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  return { timers, advance };
}

describe('createThrottle', () => {
  it('sends the first value at once', () => {
    const { timers } = manualTimers();
    const sent: number[] = [];
    createThrottle(50, (v: number) => sent.push(v), timers).push(1);
    expect(sent).toEqual([1]);
  });

  it('sends at most one value per interval and keeps the last', () => {
    const { timers, advance } = manualTimers();
    const sent: number[] = [];
    const t = createThrottle(50, (v: number) => sent.push(v), timers);
    t.push(1);
    for (let v = 2; v <= 10; v++) {
      advance(5);
      t.push(v);
    }
    expect(sent).toEqual([1]);
    advance(5);
    expect(sent).toEqual([1, 10]);
    advance(100);
    expect(sent).toEqual([1, 10]);
  });

  it('never exceeds 20 a second over a long drag', () => {
    const { timers, advance } = manualTimers();
    const sent: number[] = [];
    const t = createThrottle(50, (v: number) => sent.push(v), timers);
    for (let i = 0; i < 1000; i++) {
      t.push(i);
      advance(1);
    }
    advance(100);
    expect(sent.length).toBeLessThanOrEqual(21);
    expect(sent.at(-1)).toBe(999);
  });

  it('flushes a waiting value at once and cancel drops it', () => {
    const { timers, advance } = manualTimers();
    const sent: number[] = [];
    const t = createThrottle(50, (v: number) => sent.push(v), timers);
    t.push(1);
    t.push(2);
    t.flush();
    expect(sent).toEqual([1, 2]);
    advance(10);
    t.push(3);
    t.cancel();
    advance(100);
    expect(sent).toEqual([1, 2]);
  });
});
