import { describe, expect, it } from 'vitest';
import { GUIDE_CONTENT, GUIDE_INTRO, guideSectionText } from './content';
import { GUIDE_SECTIONS, guideTarget, isGuideSectionId } from './sections';

/** The route's rule for ids (app/route.ts): what `#/guide/<id>` can carry. */
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

const EXPECTED_IDS = [
  'what-it-is',
  'edging',
  'roles',
  'talk-first',
  'safewords',
  'start-slow',
  'check-ins',
  'distress',
  'restraint',
  'lubrication',
  'aftercare',
  'faq',
  'bring-it-up',
];

const allText = () =>
  [...GUIDE_INTRO, ...GUIDE_SECTIONS.map((s) => guideSectionText(s.id))].join('\n');

/** Whole words only, so "document" or "scum" style substrings never trip it. */
const words = (text: string) => new Set(text.toLowerCase().match(/[a-z']+/g) ?? []);

describe('guide sections', () => {
  it('has exactly the agreed ids, in order', () => {
    expect(GUIDE_SECTIONS.map((s) => s.id)).toEqual(EXPECTED_IDS);
  });

  it('has unique ids that are valid route tokens', () => {
    const ids = GUIDE_SECTIONS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(TOKEN);
  });

  it('gives every section a title and content', () => {
    for (const s of GUIDE_SECTIONS) {
      expect(s.title.trim()).not.toBe('');
      expect(GUIDE_CONTENT[s.id].length).toBeGreaterThan(0);
      expect(guideSectionText(s.id).trim().length).toBeGreaterThan(200);
    }
  });

  it('has content for no section it does not list', () => {
    expect(Object.keys(GUIDE_CONTENT).sort()).toEqual([...EXPECTED_IDS].sort());
  });

  it('has no empty paragraph, list, item or answer', () => {
    for (const s of GUIDE_SECTIONS) {
      for (const block of GUIDE_CONTENT[s.id]) {
        switch (block.kind) {
          case 'p':
          case 'note':
            expect(block.text.trim()).not.toBe('');
            break;
          case 'list':
            expect(block.items.length).toBeGreaterThan(0);
            for (const item of block.items)
              expect((typeof item === 'string' ? item : item.text).trim()).not.toBe('');
            break;
          case 'reflect':
            expect(block.questions.length).toBeGreaterThan(0);
            expect(block.why.trim()).not.toBe('');
            break;
          case 'faq':
            for (const qa of block.items) {
              expect(qa.question.trim()).not.toBe('');
              expect(qa.answer.join('').trim()).not.toBe('');
            }
            break;
          case 'see':
            expect(block.ids.length).toBeGreaterThan(0);
            for (const id of block.ids) expect(isGuideSectionId(id)).toBe(true);
            break;
        }
      }
    }
  });

  it('includes the two reflective questions verbatim, near talk-first', () => {
    const text = guideSectionText('talk-first');
    expect(text).toContain('How do you usually feel right after an orgasm?');
    expect(text).toContain('Have you ever used a safeword or talked about boundaries?');
  });

  it('answers between 6 and 10 questions, each ending in a question mark', () => {
    const faq = GUIDE_CONTENT.faq.flatMap((b) => (b.kind === 'faq' ? b.items : []));
    expect(faq.length).toBeGreaterThanOrEqual(6);
    expect(faq.length).toBeLessThanOrEqual(10);
    for (const qa of faq) expect(qa.question).toMatch(/\?$/);
  });

  it('says that stop always wins, and what happens when things fail', () => {
    const faq = guideSectionText('faq');
    expect(faq).toContain('Stop always wins');
    expect(faq).toContain('The toys stop');
    expect(guideSectionText('distress')).toMatch(/breath play/);
  });
});

describe('guide words', () => {
  it('uses no slang or graphic terms', () => {
    // A short list of crude words a health guide would never use.
    const banned = [
      'cum',
      'cumming',
      'jizz',
      'cock',
      'dick',
      'pussy',
      'clit',
      'fuck',
      'fucking',
      'slut',
      'whore',
      'horny',
      'wank',
    ];
    const found = words(allText());
    expect(banned.filter((w) => found.has(w))).toEqual([]);
  });

  it('assumes no gender: no gendered pronouns', () => {
    const gendered = [
      'he',
      'she',
      'him',
      'her',
      'his',
      'hers',
      'himself',
      'herself',
      'boyfriend',
      'girlfriend',
    ];
    const found = words(allText());
    expect(gendered.filter((w) => found.has(w))).toEqual([]);
  });

  it('is plain text, never markup', () => {
    expect(allText()).not.toMatch(/<[a-z/]/i);
  });
});

describe('guide target', () => {
  it('scrolls to a known part, notes an unknown one, and shows all without one', () => {
    expect(guideTarget(null)).toEqual({ kind: 'all' });
    expect(guideTarget('safewords')).toEqual({ kind: 'section', id: 'safewords' });
    expect(guideTarget('nowhere')).toEqual({ kind: 'unknown', requested: 'nowhere' });
  });
});
