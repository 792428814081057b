import { describe, expect, it } from 'vitest';
import {
  createHeartRateBuffer,
  heartRateRange,
  isHeartRateStale,
  HEART_RATE_STALE_MS,
} from './heart-rate-buffer';

describe('createHeartRateBuffer', () => {
  it('keeps each reading once, however many views repeat it', () => {
    const b = createHeartRateBuffer(10);
    expect(b.push({ bpm: 70, at: 1000 })).toBe(true);
    expect(b.push({ bpm: 70, at: 1000 })).toBe(false);
    expect(b.push(null)).toBe(false);
    expect(b.push({ bpm: 72, at: 2000 })).toBe(true);
    expect(b.columns(2000)).toEqual([
      [1000, 2000],
      [70, 72],
    ]);
  });

  it('starts afresh when time goes backwards', () => {
    const b = createHeartRateBuffer(10);
    b.push({ bpm: 70, at: 5000 });
    b.push({ bpm: 90, at: 1000 });
    expect(b.columns(1000)).toEqual([[1000], [90]]);
  });

  it('stays bounded: the oldest readings go first', () => {
    const b = createHeartRateBuffer(3, 1e9);
    for (let i = 1; i <= 6; i++) b.push({ bpm: 60 + i, at: i * 1000 });
    expect(b.size()).toBe(3);
    expect(b.columns(6000)[1]).toEqual([64, 65, 66]);
  });

  it('draws only the window before now, so old readings scroll out', () => {
    const b = createHeartRateBuffer(100, 120_000);
    b.push({ bpm: 60, at: 0 });
    b.push({ bpm: 61, at: 1000 });
    expect(b.columns(120_500)).toEqual([[1000], [61]]);
    expect(b.columns(200_000)).toEqual([[], []]);
  });

  it('leaves a gap over a silence longer than the stale limit', () => {
    const b = createHeartRateBuffer(10);
    b.push({ bpm: 60, at: 1000 });
    b.push({ bpm: 80, at: 1000 + HEART_RATE_STALE_MS + 1 });
    expect(b.columns(20_000)).toEqual([
      [1000, 1001, 1000 + HEART_RATE_STALE_MS + 1],
      [60, null, 80],
    ]);
  });

  it('ignores readings that are not numbers', () => {
    const b = createHeartRateBuffer(10);
    expect(b.push({ bpm: Number.NaN, at: 1 })).toBe(false);
    expect(b.push({ bpm: 60, at: Number.POSITIVE_INFINITY })).toBe(false);
    expect(b.size()).toBe(0);
  });
});

describe('isHeartRateStale', () => {
  it('is stale after more than ten seconds', () => {
    expect(isHeartRateStale({ bpm: 70, at: 0 }, 10_000)).toBe(false);
    expect(isHeartRateStale({ bpm: 70, at: 0 }, 10_001)).toBe(true);
  });
});

describe('heartRateRange', () => {
  it('shows 50 to 150 bpm, widened to fit the readings', () => {
    expect(heartRateRange([])).toEqual([50, 150]);
    expect(heartRateRange([70, null, 90])).toEqual([50, 150]);
    expect(heartRateRange([185, 38])).toEqual([20, 200]);
    expect(heartRateRange([Number.NaN, null])).toEqual([50, 150]);
  });
});
