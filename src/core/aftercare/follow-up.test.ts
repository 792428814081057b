import { describe, expect, it } from 'vitest';
import { parseFollowUpAnswer } from './follow-up';
import { followUpTimes } from './follow-up-times';

const HOUR = 3_600_000;

describe('follow-ups', () => {
  it('come a few hours, one day and two days after the stop', () => {
    expect(followUpTimes(1000)).toEqual([1000 + 3 * HOUR, 1000 + 24 * HOUR, 1000 + 48 * HOUR]);
  });

  it('an answer is a feeling and an optional short note', () => {
    expect(parseFollowUpAnswer({ feeling: 'tired' })).toEqual({
      ok: true,
      value: { feeling: 'tired' },
    });
    expect(parseFollowUpAnswer({ feeling: 'fine', note: 'x'.repeat(1001) })).toEqual({
      ok: false,
      errors: [
        'feeling: must be "good" or "okay" or "tired" or "low"',
        'note: must be at most 1000 characters',
      ],
    });
  });
});
