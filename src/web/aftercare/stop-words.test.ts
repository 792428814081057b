import { describe, expect, it } from 'vitest';
import { STOP_CAUSES } from '../../core';
import { agreement } from '../test-support/view.test-support';
import { stopCauseWords, stopWords } from './stop-words';

describe('stop causes in words', () => {
  it('has calm words for every cause the core knows', () => {
    for (const cause of STOP_CAUSES) {
      const words = stopCauseWords(cause, 'system', agreement);
      expect(words.length).toBeGreaterThan(10);
      expect(words.endsWith('.')).toBe(true);
    }
  });

  it("uses the partners' names from the agreement", () => {
    expect(stopCauseWords('red', 'submissive', agreement)).toBe('Kai called red.');
    expect(stopCauseWords('ended', 'dominant', agreement)).toBe('Robin ended the scene.');
  });

  it('falls back to role words without names', () => {
    const solo = { ...agreement, participants: [] };
    expect(stopCauseWords('red', 'submissive', solo)).toBe('The receiver called red.');
    expect(stopCauseWords('ended', 'dominant', solo)).toBe('Your partner ended the scene.');
  });

  it('explains a scene that never started', () => {
    expect(stopWords(null, agreement)).toBe('The scene ended before it started.');
  });
});
