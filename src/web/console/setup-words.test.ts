import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../../protocol/frames';
import { checklistLabel, testStopWords } from './setup-words';

describe('setup words', () => {
  it('labels every checklist item', () => {
    for (const item of CHECKLIST_ITEMS)
      expect(checklistLabel(item).label.length).toBeGreaterThan(0);
    expect(checklistLabel('restraint-release').label).toContain('shears');
  });

  it('says what the test stop proved', () => {
    expect(testStopWords(null).ok).toBe(false);
    expect(testStopWords({ at: 1, ok: true, message: '' }).ok).toBe(true);
    const failed = testStopWords({ at: 1, ok: false, message: 'wand did not answer' });
    expect(failed.ok).toBe(false);
    expect(failed.words).toContain('wand did not answer');
  });
});
