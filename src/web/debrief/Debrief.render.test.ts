import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DebriefView } from '../../protocol/debrief';
import { EMPTY_FORM } from './debrief-form';
import { DebriefForm } from './DebriefForm';
import { PartnerSection, ShareSection, SuggestionsSection } from './DebriefShared';
import { DropNote } from './FollowUps';

const view = (over: Partial<DebriefView> = {}): DebriefView => ({
  sceneId: 's1',
  mode: 'pair',
  stoppedAt: 0,
  you: {
    role: 'dominant',
    name: 'Alex',
    answers: { intensity: 'right', keep: 'the check-ins' },
    updatedAt: 1,
    shared: null,
    sharedAt: null,
  },
  partner: { role: 'submissive', name: 'Sam', shared: null, sharedAt: null },
  suggestions: [],
  ...over,
});

describe('the debrief page', () => {
  it('says first that the answers are private, with every question and a save button', () => {
    const html = renderToStaticMarkup(
      createElement(DebriefForm, {
        form: { ...EMPTY_FORM, limit: 'crossed', signal: 'wanted-could-not' },
        onChange: () => undefined,
        onSave: () => undefined,
        saving: false,
        status: null,
      }),
    );
    expect(html).toContain('data-testid="debrief-form"');
    expect(html.indexOf('Only you see this.')).toBeLessThan(html.indexOf('How do you feel now?'));
    for (const q of ['intensity right', 'limit approached', 'use a signal', 'keep', 'change'])
      expect(html).toContain(q);
    expect(html).toContain('data-testid="debrief-which-post-orgasm-time"');
    expect(html).toContain('data-testid="debrief-why"');
    expect(html).toContain('data-testid="debrief-save"');
  });

  it('offers a box per answer given, and says what the partner sees', () => {
    const v = view({
      you: { ...view().you, shared: { keep: 'the check-ins' }, sharedAt: 2 },
    });
    const html = renderToStaticMarkup(
      createElement(ShareSection, {
        view: v,
        saved: v.you.answers,
        onShare: () => undefined,
        sharing: false,
        status: null,
      }),
    );
    expect(html).toContain('data-testid="debrief-share-intensity"');
    expect(html).toContain('data-testid="debrief-share-keep"');
    expect(html).not.toContain('debrief-share-feeling');
    expect(html).toContain('data-testid="debrief-share"');
    expect(html).toContain('Sam sees your answers to: What would you keep?');
  });

  it('shows only what the partner shared, or that nothing is yet, kindly', () => {
    expect(renderToStaticMarkup(createElement(PartnerSection, { view: view() }))).toContain(
      'Nothing yet.',
    );
    const shared = view({
      partner: { role: 'submissive', name: 'Sam', shared: { intensity: 'too-high' }, sharedAt: 3 },
    });
    const html = renderToStaticMarkup(createElement(PartnerSection, { view: shared }));
    expect(html).toContain('data-testid="debrief-partner"');
    expect(html).toContain('What Sam shared');
    expect(html).toContain('Too high');
    expect(
      renderToStaticMarkup(createElement(PartnerSection, { view: view({ partner: null }) })),
    ).toBe('');
  });

  it('lists the suggestions with their reasons', () => {
    const html = renderToStaticMarkup(
      createElement(SuggestionsSection, {
        view: view({
          suggestions: [
            {
              change: { kind: 'post-orgasm-ceiling', to: 0.4 },
              reason:
                'Sam found the intensity too high: lower the post-orgasm ceiling from 50 % to 40 %',
              from: ['submissive'],
            },
          ],
        }),
      }),
    );
    expect(html).toContain('data-testid="debrief-suggestion"');
    expect(html).toContain('from 50 % to 40 %');
  });

  it('the note on drop says what it can feel like, that it is common, and what helps', () => {
    const html = renderToStaticMarkup(createElement(DropNote));
    for (const words of [
      'tired',
      'low',
      'tearful',
      'distant',
      'day or two',
      'common',
      'rest',
      'water',
      'warmth',
      'friend',
    ])
      expect(html).toContain(words);
    expect(html).toContain('href="#/guide/aftercare"');
  });
});
