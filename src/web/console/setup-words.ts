import type { ChecklistItem } from '../../protocol/frames';
import type { SetupView } from '../../protocol/view';
import { asSentence } from '../words/format';

/** The safety checklist before a scene (DESIGN.md "Set up"), in words. */
export function checklistLabel(item: ChecklistItem): { label: string; hint: string } {
  switch (item) {
    case 'lubricant':
      return { label: 'Lubricant at hand', hint: 'Within reach of where you will be.' };
    case 'restraint-release':
      return {
        label: 'Restraint release or safety shears within reach',
        hint: 'Keys, quick-release or shears that cut the restraint, reachable without looking.',
      };
    case 'water':
      return { label: 'Water ready', hint: 'A glass or bottle for afterwards.' };
    case 'blanket':
      return { label: 'Blanket ready', hint: 'Bodies often get cold after a scene.' };
  }
}

/**
 * What the last test stop from the panel proved, in words, and where to make it while it is
 * still to do. `who` is 'pair' (the panel is another phone) or 'solo' (the panel is above).
 */
export function testStopWords(
  testStop: SetupView['testStop'],
  who: 'pair' | 'solo',
): { ok: boolean; words: string } {
  if (testStop?.ok === true)
    return { ok: true, words: 'Test stop made: every device confirmed it stopped.' };
  const where =
    who === 'pair' ? 'The test stop is made on the panel.' : 'Use "Test stop" on the panel above.';
  if (testStop === null)
    return { ok: false, words: `The panel has not made a test stop yet. ${where}` };
  // The server's words are a clause ('the wand did not answer'): made a sentence of its own.
  const detail = asSentence(testStop.message);
  const again =
    who === 'pair' ? 'Try again from the panel.' : 'Try "Test stop" on the panel above again.';
  return {
    ok: false,
    words: `The test stop did not work.${detail === '' ? '' : ` ${detail}`} ${again}`,
  };
}
