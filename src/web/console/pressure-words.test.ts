import { describe, expect, it } from 'vitest';
import { pressureWords } from './pressure-words';

describe('pressureWords', () => {
  it('says when there is no pressure sensor', () => {
    expect(pressureWords(null, 5000)).toEqual({
      value: 'no pressure sensor',
      age: null,
      warning: null,
    });
  });

  it('gives the value and its age, without a warning while fresh', () => {
    const words = pressureWords({ value: 412, at: 10_000 }, 12_000);
    expect(words.value).toBe('412');
    expect(words.age).toContain('ago');
    expect(words.warning).toBeNull();
  });

  it('warns once the reading is more than five seconds old', () => {
    expect(pressureWords({ value: 1, at: 0 }, 5_000).warning).toBeNull();
    expect(pressureWords({ value: 1, at: 0 }, 5_001).warning).toMatch(/over 5 seconds/);
  });

  it('never shows a negative age when the clock lags the reading', () => {
    expect(pressureWords({ value: 1, at: 2_000 }, 1_000).warning).toBeNull();
  });
});
