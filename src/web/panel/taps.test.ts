import { describe, expect, it } from 'vitest';
import { recordTap, shouldSendTap, tapProgress } from './taps';

const base = { configured: true, afterStop: false, onControl: false, button: 0 };

describe('tap capture', () => {
  it('sends taps on the background when a pattern is agreed', () => {
    expect(shouldSendTap(base)).toBe(true);
  });

  it('ignores taps on controls, after a stop, without a pattern, or other mouse buttons', () => {
    expect(shouldSendTap({ ...base, onControl: true })).toBe(false);
    expect(shouldSendTap({ ...base, afterStop: true })).toBe(false);
    expect(shouldSendTap({ ...base, configured: false })).toBe(false);
    expect(shouldSendTap({ ...base, button: 2 })).toBe(false);
  });

  it('counts only the taps inside the window', () => {
    let taps: number[] = [];
    for (const at of [0, 400, 800]) taps = recordTap(taps, at, 1500);
    expect(tapProgress(taps, 3)).toEqual({ count: 3, done: true });
    taps = recordTap(taps, 2000, 1500);
    expect(taps).toEqual([800, 2000]);
    expect(tapProgress(taps, 3)).toEqual({ count: 2, done: false });
  });
});
