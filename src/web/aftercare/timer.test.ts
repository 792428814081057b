import { describe, expect, it } from 'vitest';
import { aftercareElapsedMs, aftercareProgress } from './timer';

describe('aftercare timer', () => {
  it('carries the scene clock forward with the local clock', () => {
    // Stopped at 10 s on the scene clock, view made at 40 s, received 3 s ago.
    expect(aftercareElapsedMs(10_000, 40_000, 100, 3_100)).toBe(33_000);
    expect(aftercareElapsedMs(50_000, 40_000, 100, 100)).toBe(0);
  });

  it('counts down the agreed minimum', () => {
    expect(aftercareProgress(60_000, 10)).toEqual({ remainingMs: 540_000, done: false });
    expect(aftercareProgress(600_000, 10)).toEqual({ remainingMs: 0, done: true });
    expect(aftercareProgress(0, 0)).toEqual({ remainingMs: 0, done: true });
  });
});
