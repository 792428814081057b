import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from './attempt-limiter';

describe('createAttemptLimiter', () => {
  it('refuses a source after max failures within the window, and lets it try again later', () => {
    let t = 0;
    const limiter = createAttemptLimiter({ max: 3, windowMs: 60_000, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('a')).toBe(0);
      limiter.failed('a');
      t += 1000;
    }
    expect(limiter.retryAfter('a')).toBe(57_000);
    expect(limiter.retryAfter('b')).toBe(0);
    t = 60_001;
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('keeps a bounded record per source under a flood', () => {
    let t = 0;
    const limiter = createAttemptLimiter({ max: 5, windowMs: 1000, now: () => t });
    for (let i = 0; i < 10_000; i++) limiter.failed('flood');
    expect(limiter.retryAfter('flood')).toBe(1000);
    t = 1001;
    expect(limiter.retryAfter('flood')).toBe(0);
  });
});
