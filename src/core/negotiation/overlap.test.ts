import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { builtInCatalogue } from './catalogue';
import { negotiationView, ownAnswers, revealOverlap } from './overlap';

const alex: Answers = {
  author: 'alex',
  items: {
    hands: { giving: { rating: 'yes', note: 'love this' }, receiving: { rating: 'maybe' } },
    'vibrator-wand': { giving: { rating: 'maybe' }, receiving: { rating: 'yes' } },
    rope: { giving: { rating: 'yes' } },
    'humiliating-words': { receiving: { rating: 'no', note: 'not for me' } },
    'post-orgasm-3-min': { receiving: { rating: 'yes' } },
  },
};
const sam: Answers = {
  author: 'sam',
  items: {
    hands: { receiving: { rating: 'yes' }, giving: { rating: 'no', note: 'wrists hurt' } },
    'vibrator-wand': { giving: { rating: 'yes' }, receiving: { rating: 'maybe' } },
    rope: { receiving: { rating: 'no' } },
    'humiliating-words': { giving: { rating: 'yes' } },
    'post-orgasm-3-min': { giving: { rating: 'maybe', note: 'first time' } },
  },
};

describe('revealOverlap', () => {
  it('[P3] shows only pairs both welcome, in catalogue order, with each side’s level', () => {
    expect(revealOverlap(builtInCatalogue, alex, sam).items).toStrictEqual([
      {
        id: 'hands',
        group: 'stimulation',
        label: 'Hands and fingers',
        explanation: 'Touch and stimulation with the hands.',
        matches: [{ giver: 'alex', receiver: 'sam', giverRating: 'yes', receiverRating: 'yes' }],
      },
      {
        id: 'vibrator-wand',
        group: 'stimulation',
        label: 'Vibrator or wand',
        explanation: 'Stimulation with a vibrating toy, such as a wand or a smaller vibrator.',
        matches: [
          { giver: 'alex', receiver: 'sam', giverRating: 'maybe', receiverRating: 'maybe' },
          { giver: 'sam', receiver: 'alex', giverRating: 'yes', receiverRating: 'yes' },
        ],
      },
      {
        id: 'post-orgasm-3-min',
        group: 'duration',
        label: 'After orgasm: up to 3 minutes',
        explanation: 'Stimulation continues for at most three minutes after orgasm.',
        matches: [{ giver: 'sam', receiver: 'alex', giverRating: 'maybe', receiverRating: 'yes' }],
      },
    ]);
  });

  it('[P3] is the same whichever partner comes first', () => {
    expect(revealOverlap(builtInCatalogue, sam, alex)).toStrictEqual(
      revealOverlap(builtInCatalogue, alex, sam),
    );
  });

  it('refuses to compare a partner with themselves', () => {
    expect(() => revealOverlap(builtInCatalogue, alex, alex)).toThrow(/two partners/);
  });
});

describe('negotiationView', () => {
  it('[P3] gives each partner their own answers and the overlap, nothing of the other’s', () => {
    const view = negotiationView(builtInCatalogue, [alex, sam], 'sam');
    expect(view).toStrictEqual({
      own: sam,
      overlap: revealOverlap(builtInCatalogue, alex, sam),
    });
    const json = JSON.stringify(view);
    for (const note of ['love this', 'not for me']) expect(json).not.toContain(note);
  });

  it('has no overlap until the partner has answered', () => {
    expect(negotiationView(builtInCatalogue, [alex], 'alex')).toStrictEqual({
      own: alex,
      overlap: null,
    });
    expect(negotiationView(builtInCatalogue, [alex], 'sam')).toStrictEqual({
      own: { author: 'sam', items: {} },
      overlap: null,
    });
  });

  it('refuses answers from more than two partners or twice from one', () => {
    const kim: Answers = { author: 'kim', items: {} };
    expect(() => negotiationView(builtInCatalogue, [alex, sam, kim], 'alex')).toThrow();
    expect(() => negotiationView(builtInCatalogue, [alex, alex], 'alex')).toThrow();
  });

  it('ownAnswers returns the author’s answers, notes included', () => {
    expect(ownAnswers([alex, sam], 'alex')).toBe(alex);
  });
});
