import { describe, expect, it } from 'vitest';
import { heartRateWords } from './heart-rate-words';

describe('heartRateWords', () => {
  it('says when there is no strap', () => {
    expect(heartRateWords(null, 5000)).toEqual({
      value: 'none yet (no strap connected)',
      age: null,
      warning: null,
    });
  });

  it('gives the value and its age, without a warning while fresh', () => {
    const words = heartRateWords({ bpm: 72, at: 10_000 }, 13_000);
    expect(words.value).toBe('72 bpm');
    expect(words.age).toContain('ago');
    expect(words.warning).toBeNull();
  });

  it('warns plainly once the reading is more than ten seconds old', () => {
    expect(heartRateWords({ bpm: 72, at: 0 }, 10_000).warning).toBeNull();
    expect(heartRateWords({ bpm: 72, at: 0 }, 10_001).warning).toMatch(/over 10 seconds/);
  });
});
