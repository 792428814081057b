import { describe, expect, it } from 'vitest';
import { heartbeatIntervalMs, silenceLimitMs } from './heartbeat';

describe('heartbeat interval (S5)', () => {
  it('is a third of the agreed timeout, at most 1 s', () => {
    expect(heartbeatIntervalMs(6)).toBe(1000);
    expect(heartbeatIntervalMs(3)).toBe(1000);
    expect(heartbeatIntervalMs(1.5)).toBe(500);
    expect(heartbeatIntervalMs(1)).toBe(333);
  });

  it('always fits three beats in the timeout', () => {
    for (let t = 1; t <= 60; t += 0.5)
      expect(heartbeatIntervalMs(t) * 3).toBeLessThanOrEqual(t * 1000);
  });

  it('falls back to 1 s for a nonsense timeout and never floods', () => {
    expect(heartbeatIntervalMs(0)).toBe(1000);
    expect(heartbeatIntervalMs(Number.NaN)).toBe(1000);
    expect(heartbeatIntervalMs(0.01)).toBe(100);
  });

  it('calls a socket dead after several silent beats, never under 3 s', () => {
    expect(silenceLimitMs(1000)).toBe(4000);
    expect(silenceLimitMs(333)).toBe(3000);
  });
});
