import { describe, expect, it } from 'vitest';
import { createPacer, type Timers } from './pacer';

/** A clock the test moves by hand. */
function manualTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; live: boolean }[] = [];
  const timers: Timers = {
    now: () => now,
    after(ms, fn) {
      const entry = { at: now + ms, fn, live: true };
      queue.push(entry);
      return () => {
        entry.live = false;
      };
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = queue.filter((e) => e.live && e.at <= now);
    queue = queue.filter((e) => !due.includes(e));
    for (const e of due) e.fn();
  };
  return { timers, advance };
}

describe('output pacing per device feature', () => {
  it('sends at once, then at most one command per gap, the latest value winning', () => {
    const { timers, advance } = manualTimers();
    const sent: [string, number][] = [];
    const pacer = createPacer((k, v) => sent.push([k, v]), timers);
    pacer.set('a', 5, 100);
    pacer.set('a', 6, 100);
    pacer.set('a', 7, 100);
    expect(sent).toStrictEqual([['a', 5]]);
    advance(100);
    expect(sent).toStrictEqual([
      ['a', 5],
      ['a', 7],
    ]);
  });

  it('never repeats an unchanged value', () => {
    const { timers, advance } = manualTimers();
    const sent: number[] = [];
    const pacer = createPacer((_, v) => sent.push(v), timers);
    pacer.set('a', 5, 10);
    advance(50);
    pacer.set('a', 5, 10);
    pacer.set('a', 0, 10);
    pacer.set('a', 0, 10);
    expect(sent).toStrictEqual([5, 0]);
  });

  it('keeps features apart', () => {
    const { timers } = manualTimers();
    const sent: [string, number][] = [];
    const pacer = createPacer((k, v) => sent.push([k, v]), timers);
    pacer.set('a', 1, 100);
    pacer.set('b', 2, 100);
    expect(sent).toStrictEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('S1: after a stop nothing queued goes out, and levels count as zero', () => {
    const { timers, advance } = manualTimers();
    const sent: number[] = [];
    const pacer = createPacer((_, v) => sent.push(v), timers);
    pacer.set('a', 5, 100);
    pacer.set('a', 9, 100);
    pacer.resetToZero();
    advance(500);
    expect(sent).toStrictEqual([5]);
    pacer.set('a', 0, 100);
    expect(sent).toStrictEqual([5]);
  });
});
