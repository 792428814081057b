import { describe, expect, it } from 'vitest';
import { createSeqCounter } from './seq';

describe('seq counter', () => {
  it('hands out rising numbers after the initial one', () => {
    const c = createSeqCounter(5);
    expect([c.next(), c.next(), c.next()]).toEqual([6, 7, 8]);
  });

  it('jumps past an observed seq and never goes back', () => {
    const c = createSeqCounter(0);
    c.next();
    c.observe(40);
    expect(c.next()).toBe(41);
    c.observe(3);
    expect(c.next()).toBe(42);
  });

  it('ignores nonsense from storage or the wire', () => {
    const c = createSeqCounter(Number.NaN);
    c.observe(-5);
    c.observe(1.5);
    c.observe(Number.POSITIVE_INFINITY);
    expect(c.next()).toBe(1);
  });

  it('never hands out the same number twice, whatever is observed', () => {
    const c = createSeqCounter(0);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      if (i % 7 === 0) c.observe((i * 13) % 97);
      const n = c.next();
      expect(seen.has(n)).toBe(false);
      seen.add(n);
    }
  });
});
