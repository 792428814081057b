import type { ChecklistItem } from '../../protocol/frames';
import type { SetupView } from '../../protocol/view';

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

/** What the last test stop from the panel proved, in words. */
export function testStopWords(testStop: SetupView['testStop']): { ok: boolean; words: string } {
  if (testStop === null) return { ok: false, words: 'The panel has not made a test stop yet.' };
  if (testStop.ok) return { ok: true, words: 'Test stop made: every device confirmed it stopped.' };
  const detail = testStop.message.trim();
  return {
    ok: false,
    words: `The test stop did not work${detail === '' ? '.' : `: ${detail}`} Try again from the panel.`,
  };
}
