import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AnswersSection } from './AnswersSection';
import { InvitationCard } from './InvitationCard';
import { ItemAnswers } from './ItemAnswers';
import { OverlapSection } from './OverlapSection';
import { makeTalkView } from './talk-view.test-support';

const noop = () => undefined;
const never = () => new Promise<never>(noop);

describe('one item’s answers', () => {
  const item = {
    id: 'custom:feathers',
    group: 'style' as const,
    label: 'Feathers',
    explanation: 'Light touch with a feather.',
    custom: true,
  };
  const html = renderToStaticMarkup(
    createElement(ItemAnswers, {
      item,
      answers: { 'custom:feathers': { receiving: { rating: 'maybe', note: 'secret note' } } },
      disabled: false,
      onRate: noop,
      onNote: noop,
    }),
  );

  it('has a named radio for every role and rating, with stable test ids', () => {
    for (const role of ['giving', 'receiving'])
      for (const rating of ['yes', 'maybe', 'no']) {
        expect(html).toContain(`data-testid="answer-custom:feathers-${role}-${rating}"`);
        expect(html).toContain(`aria-label="Feathers — ${role}: ${rating}"`);
      }
    expect(html.match(/type="radio"/g)).toHaveLength(6);
  });

  it('shows the answer given and its note to its author', () => {
    expect(html).toMatch(/<input[^>]*receiving-maybe"[^>]*checked=""/);
    expect(html).toContain('secret note');
    expect(html).toContain('added by you two');
  });
});

describe('what you both welcome', () => {
  it('shows nothing before a reveal', () => {
    expect(renderToStaticMarkup(createElement(OverlapSection, { view: makeTalkView() }))).toBe('');
  });

  it('lists each item with each side’s rating, and the way to the agreement', () => {
    const view = makeTalkView({
      round: 1,
      revealedRound: 1,
      own: {
        author: 'dominant',
        items: { hands: { giving: { rating: 'yes', note: 'my own note' } } },
      },
      overlap: {
        items: [
          {
            id: 'hands',
            group: 'stimulation',
            label: 'Hands and fingers',
            explanation: 'Touch and stimulation with the hands.',
            matches: [
              {
                giver: 'dominant',
                receiver: 'submissive',
                giverRating: 'yes',
                receiverRating: 'maybe',
              },
            ],
          },
        ],
      },
    });
    const html = renderToStaticMarkup(createElement(OverlapSection, { view }));
    expect(html).toContain('data-testid="overlap"');
    expect(html).toContain('data-testid="overlap-item-hands"');
    expect(html).toContain('You give (yes) · Alex receives (maybe)');
    expect(html).toContain('data-testid="talk-to-agreement"');
    expect(html).toContain('href="#/talk/n1/agreement"');
    expect(html).not.toContain('my own note');
  });

  it('says so calmly when nothing is shared', () => {
    const view = makeTalkView({ revealedRound: 1, overlap: { items: [] } });
    expect(renderToStaticMarkup(createElement(OverlapSection, { view }))).toContain(
      'data-testid="overlap-empty"',
    );
  });
});

describe('your answers', () => {
  it('shows every catalogue item, grouped, with save and submit', () => {
    const html = renderToStaticMarkup(
      createElement(AnswersSection, { view: makeTalkView(), secret: 's', run: never }),
    );
    for (const title of ['Stimulation', 'Style of touch', 'Restraint', 'Words'])
      expect(html).toContain(`>${title}</h3>`);
    expect(html).toContain('data-testid="answer-post-orgasm-10-min-receiving-no"');
    expect(html).toContain('data-testid="answers-save"');
    expect(html).toContain('data-testid="answers-submit"');
    expect(html).toContain('All answers saved.');
  });

  it('warns that a change after the reveal starts a new round', () => {
    const view = makeTalkView({ revealedRound: 1, overlap: { items: [] } });
    const html = renderToStaticMarkup(
      createElement(AnswersSection, { view, secret: 's', run: never }),
    );
    expect(html).toMatch(/starts a new round/);
  });
});

describe('the invitation', () => {
  it('shows the link, the code and a QR code drawn here', () => {
    const invitation = {
      code: 'K7QM2X',
      expiresAt: 7 * 86_400_000,
      url: 'http://x/#/invite/K7QM2X',
    };
    const html = renderToStaticMarkup(createElement(InvitationCard, { invitation, now: 0 }));
    expect(html).toContain('data-testid="talk-invitation-url">http://x/#/invite/K7QM2X<');
    expect(html).toContain('K7QM2X');
    expect(html).toContain('<svg');
    expect(html).toContain('Works for 7 more days.');
    expect(html).toMatch(/decline privately/);
  });
});
