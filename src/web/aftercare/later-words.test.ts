import { describe, expect, it } from 'vitest';
import { laterWords } from './later-words';

describe('when Redline checks in, in words', () => {
  it('names the default follow-ups', () => {
    expect(laterWords()).toBe('in about 3 hours, a day later and two days later');
  });
  it('reads well for other lists', () => {
    expect(laterWords([3_600_000])).toBe('in about an hour');
    expect(laterWords([])).toBe('');
  });
});
