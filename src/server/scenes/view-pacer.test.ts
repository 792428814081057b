import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createViewPacer } from './view-pacer';

describe('the view pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const pacer = () => createViewPacer(10, () => Date.now());

  it('runs each wait once, at its time or within a tick after, never before', () => {
    const { wait } = pacer();
    const ran: string[] = [];
    const start = Date.now();
    wait(() => ran.push(`a ${Date.now() - start}`), start + 35);
    wait(() => ran.push(`b ${Date.now() - start}`), start + 5);
    vi.advanceTimersByTime(9);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['b 10']);
    vi.advanceTimersByTime(30);
    expect(ran).toEqual(['b 10', 'a 40']);
    vi.advanceTimersByTime(100);
    expect(ran).toHaveLength(2);
  });

  it('replaces an earlier wait of the same run, forgets a cancelled one, and lets the timer go when none waits', () => {
    const { wait, cancel } = pacer();
    const start = Date.now();
    let runs = 0;
    const run = () => (runs += 1);
    wait(run, start + 10);
    wait(run, start + 50);
    vi.advanceTimersByTime(40);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(10);
    expect(runs).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    wait(run, start + 70);
    cancel(run);
    vi.advanceTimersByTime(100);
    expect(runs).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs a wait made by a run in a later tick, not the same one', () => {
    const { wait } = pacer();
    const start = Date.now();
    const ran: number[] = [];
    const again = () => {
      ran.push(Date.now() - start);
      if (ran.length < 3) wait(again, Date.now());
    };
    wait(again, start);
    vi.advanceTimersByTime(10);
    expect(ran).toEqual([10]);
    vi.advanceTimersByTime(20);
    expect(ran).toEqual([10, 20, 30]);
  });

  it('runs every due wait even if one throws, then throws the error', () => {
    const { wait } = pacer();
    const start = Date.now();
    const ran: string[] = [];
    wait(() => {
      ran.push('a');
      throw new Error('a screen failed');
    }, start);
    wait(() => ran.push('b'), start);
    expect(() => vi.advanceTimersByTime(10)).toThrow('a screen failed');
    expect(ran).toEqual(['a', 'b']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
