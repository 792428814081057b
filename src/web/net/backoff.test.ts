import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './backoff';

describe('reconnect backoff', () => {
  it('starts at 0.25 s and doubles up to 2 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(reconnectDelayMs)).toEqual([
      250, 500, 1000, 2000, 2000, 2000, 2000,
    ]);
  });

  it('treats odd attempt numbers as the first', () => {
    expect(reconnectDelayMs(-1)).toBe(250);
    expect(reconnectDelayMs(Number.NaN)).toBe(250);
    expect(reconnectDelayMs(Number.POSITIVE_INFINITY)).toBe(250);
  });
});
