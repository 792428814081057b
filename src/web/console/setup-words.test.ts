import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../../protocol/frames';
import { checklistLabel, testStopWords } from './setup-words';

describe('setup words', () => {
  it('labels every checklist item', () => {
    for (const item of CHECKLIST_ITEMS)
      expect(checklistLabel(item).label.length).toBeGreaterThan(0);
    expect(checklistLabel('restraint-release').label).toContain('shears');
  });

  it('says what the test stop proved, and where to make it only while it is still to do', () => {
    expect(testStopWords(null, 'pair')).toEqual({
      ok: false,
      words: 'The panel has not made a test stop yet. The test stop is made on the panel.',
    });
    expect(testStopWords(null, 'solo').words).toContain('Use "Test stop" on the panel above.');
    for (const who of ['pair', 'solo'] as const)
      expect(testStopWords({ at: 1, ok: true, message: '' }, who)).toEqual({
        ok: true,
        words: 'Test stop made: every device confirmed it stopped.',
      });
    const failed = testStopWords({ at: 1, ok: false, message: 'wand did not answer' }, 'pair');
    expect(failed).toEqual({
      ok: false,
      words: 'The test stop did not work. Wand did not answer. Try again from the panel.',
    });
    expect(testStopWords({ at: 1, ok: false, message: ' ' }, 'pair').words).toBe(
      'The test stop did not work. Try again from the panel.',
    );
  });
});
