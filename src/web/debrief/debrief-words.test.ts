import { describe, expect, it } from 'vitest';
import { DEBRIEF_FIELDS, type DebriefAnswers } from '../../core';
import { answerWords, QUESTIONS } from './debrief-words';

describe('debrief words', () => {
  it('has a question for every field', () => {
    for (const field of DEBRIEF_FIELDS) expect(QUESTIONS[field]).toMatch(/\?$/);
  });

  it('says each answer in a short line, and nothing for no answer', () => {
    const a: DebriefAnswers = {
      feeling: { scale: 4, words: 'calm' },
      intensity: 'too-high',
      limit: { answer: 'approached', which: ['intensity', 'post-orgasm-time'] },
      signal: { answer: 'wanted-could-not', why: 'too far away' },
      keep: 'the blanket',
    };
    expect(answerWords('feeling', a)).toBe('Good · calm');
    expect(answerWords('intensity', a)).toBe('Too high');
    expect(answerWords('limit', a)).toBe('One came close · intensity, time after orgasm');
    expect(answerWords('signal', a)).toBe('I wanted to, but I could not · too far away');
    expect(answerWords('keep', a)).toBe('the blanket');
    expect(answerWords('change', a)).toBe('');
  });
});
