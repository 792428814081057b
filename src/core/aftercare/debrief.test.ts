import { describe, expect, it } from 'vitest';
import { answeredFields, parseDebriefAnswers, shareRequestSchema, sharedPart } from './debrief';

describe('debrief answers', () => {
  it('accepts an empty debrief: every answer is optional', () => {
    expect(parseDebriefAnswers({})).toEqual({ ok: true, value: {} });
  });

  it('accepts a full debrief', () => {
    const full = {
      feeling: { scale: 4, words: 'tired, happy' },
      intensity: 'too-high',
      limit: { answer: 'crossed', which: ['post-orgasm-time', 'intensity'], note: 'near the end' },
      signal: { answer: 'wanted-could-not', why: 'my hands were busy' },
      keep: 'the slow start',
      change: 'shorter after',
    };
    expect(parseDebriefAnswers(full)).toEqual({ ok: true, value: full });
  });

  it('names the field of each problem, and refuses unknown keys and long texts', () => {
    const result = parseDebriefAnswers({
      feeling: { scale: 9 },
      intensity: 'loud',
      keep: 'x'.repeat(1001),
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(/feeling\.scale: must be 1 to 5/);
    expect(result.errors.join('\n')).toMatch(/intensity: must be/);
    expect(result.errors.join('\n')).toMatch(/keep: must be at most 1000 characters/);
    expect(result.errors.join('\n')).toMatch(/unknown key: "extra"/);
  });

  it('refuses a limit listed twice', () => {
    expect(
      parseDebriefAnswers({ limit: { answer: 'crossed', which: ['words', 'words'] } }).ok,
    ).toBe(false);
  });
});

describe('sharing', () => {
  const answers = {
    intensity: 'too-high',
    keep: 'the slow start',
    change: 'private words',
  } as const;

  it('[P3] keeps only the chosen answers that were given', () => {
    expect(sharedPart(answers, ['intensity', 'feeling'])).toEqual({ intensity: 'too-high' });
    expect(sharedPart(answers, [])).toEqual({});
  });

  it('lists the answered fields in the page order', () => {
    expect(answeredFields(answers)).toEqual(['intensity', 'keep', 'change']);
  });

  it('a share request names known fields, each once', () => {
    expect(shareRequestSchema.safeParse({ fields: ['keep', 'keep'] }).success).toBe(false);
    expect(shareRequestSchema.safeParse({ fields: ['secret'] }).success).toBe(false);
    expect(shareRequestSchema.safeParse({ fields: ['keep', 'signal'] }).success).toBe(true);
  });
});
