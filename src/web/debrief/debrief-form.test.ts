import { describe, expect, it } from 'vitest';
import { parseDebriefAnswers } from '../../core';
import { answersFromForm, EMPTY_FORM, formFromAnswers } from './debrief-form';

describe('the debrief form', () => {
  it('an untouched form is no answer at all', () => {
    expect(answersFromForm(EMPTY_FORM)).toEqual({});
    expect(formFromAnswers(null)).toEqual(EMPTY_FORM);
  });

  it('turns choices and words into answers the server accepts, and back', () => {
    const form = {
      ...EMPTY_FORM,
      scale: '2',
      words: 'Tired but happy',
      intensity: 'too-high' as const,
      limit: 'crossed' as const,
      which: ['post-orgasm-time' as const],
      limitNote: 'the last minute',
      signal: 'wanted-could-not' as const,
      why: 'my hands were held',
      keep: 'the slow start',
      change: '   ',
    };
    const answers = answersFromForm(form);
    expect(answers).toEqual({
      feeling: { scale: 2, words: 'Tired but happy' },
      intensity: 'too-high',
      limit: { answer: 'crossed', which: ['post-orgasm-time'], note: 'the last minute' },
      signal: { answer: 'wanted-could-not', why: 'my hands were held' },
      keep: 'the slow start',
    });
    expect(parseDebriefAnswers(answers).ok).toBe(true);
    expect(answersFromForm(formFromAnswers(answers))).toEqual(answers);
  });

  it('drops what no longer applies: which limits after "no", why after "could"', () => {
    expect(
      answersFromForm({
        ...EMPTY_FORM,
        limit: 'none',
        which: ['words'],
        limitNote: 'x',
        signal: 'no',
        why: 'y',
      }),
    ).toEqual({ limit: { answer: 'none' }, signal: { answer: 'no' } });
  });
});
