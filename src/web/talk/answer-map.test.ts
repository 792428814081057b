import { describe, expect, it } from 'vitest';
import {
  answerOf,
  answersKey,
  cleanAnswers,
  countAnswered,
  sameAnswers,
  setNote,
  setRating,
  type AnswerMap,
} from './answer-map';

describe('answer map', () => {
  it('sets a rating per item and role without touching the other role', () => {
    let map: AnswerMap = {};
    map = setRating(map, 'hands', 'giving', 'yes');
    map = setRating(map, 'hands', 'receiving', 'maybe');
    map = setRating(map, 'hands', 'giving', 'no');
    expect(map).toEqual({ hands: { giving: { rating: 'no' }, receiving: { rating: 'maybe' } } });
  });

  it('never changes the map it was given', () => {
    const map: AnswerMap = { hands: { giving: { rating: 'yes' } } };
    setRating(map, 'hands', 'giving', 'no');
    setNote(map, 'hands', 'giving', 'slowly');
    expect(map).toEqual({ hands: { giving: { rating: 'yes' } } });
  });

  it('keeps a note when the rating changes, and drops an emptied note', () => {
    let map = setRating({}, 'custom:a', 'receiving', 'yes');
    map = setNote(map, 'custom:a', 'receiving', 'gently');
    map = setRating(map, 'custom:a', 'receiving', 'maybe');
    expect(answerOf(map, 'custom:a', 'receiving')).toEqual({ rating: 'maybe', note: 'gently' });
    map = setNote(map, 'custom:a', 'receiving', '');
    expect(answerOf(map, 'custom:a', 'receiving')).toEqual({ rating: 'maybe' });
  });

  it('attaches a note only to a rated role, and cuts it at 500 characters', () => {
    expect(setNote({}, 'hands', 'giving', 'x')).toEqual({});
    const map = setNote(
      setRating({}, 'hands', 'giving', 'yes'),
      'hands',
      'giving',
      'y'.repeat(600),
    );
    expect(answerOf(map, 'hands', 'giving')?.note).toHaveLength(500);
  });

  it('reads nothing from the prototype', () => {
    expect(answerOf({}, 'toString', 'giving')).toBeUndefined();
    expect(answerOf({}, '__proto__', 'giving')).toBeUndefined();
  });

  it('sends no blank notes and no empty items', () => {
    const map: AnswerMap = {
      hands: { giving: { rating: 'yes', note: '   ' }, receiving: { rating: 'no', note: 'ok' } },
      mouth: {},
    };
    expect(cleanAnswers(map)).toEqual({
      hands: { giving: { rating: 'yes' }, receiving: { rating: 'no', note: 'ok' } },
    });
  });

  it('compares maps whatever order keys were added in', () => {
    const a = setRating(setRating({}, 'hands', 'giving', 'yes'), 'mouth', 'receiving', 'no');
    const b = setRating(setRating({}, 'mouth', 'receiving', 'no'), 'hands', 'giving', 'yes');
    expect(answersKey(a)).toBe(answersKey(b));
    expect(sameAnswers(a, b)).toBe(true);
    expect(sameAnswers(a, setRating(b, 'hands', 'giving', 'maybe'))).toBe(false);
    expect(sameAnswers({}, { mouth: {} })).toBe(true);
  });

  it('counts items with at least one role answered', () => {
    const map = setRating(setRating({}, 'hands', 'giving', 'yes'), 'gone', 'giving', 'yes');
    expect(countAnswered(map, ['hands', 'mouth'])).toBe(1);
  });
});
