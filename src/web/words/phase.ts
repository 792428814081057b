import type { Agreement } from '../../core/agreement/agreement';
import type { Phase } from '../../core/scene/phases';
import { formatSpan } from './format';

/**
 * The phases in words, in one place. Whoever runs the scene reads the agreement's terms
 * ("Post-orgasm"); the receiver's panel uses plainer ones ("After orgasm"). Phase facts
 * (isActive, isAfterStop) come straight from core/scene/phases, which imports nothing.
 */
export type Reader = 'runner' | 'receiver';

const NAMES: Readonly<Record<Phase, Readonly<Record<Reader, string>>>> = {
  setup: { runner: 'Set-up', receiver: 'Getting ready' },
  'warm-up': { runner: 'Warm-up', receiver: 'Warm-up' },
  play: { runner: 'Play', receiver: 'Play' },
  orgasm: { runner: 'Orgasm', receiver: 'Orgasm' },
  'post-orgasm': { runner: 'Post-orgasm', receiver: 'After orgasm' },
  stopped: { runner: 'Stopped', receiver: 'Stopped' },
  aftercare: { runner: 'Aftercare', receiver: 'Aftercare' },
  debrief: { runner: 'Debrief', receiver: 'Debrief' },
  closed: { runner: 'Closed', receiver: 'Closed' },
};

export function phaseName(phase: Phase, reader: Reader = 'runner'): string {
  return NAMES[phase][reader];
}

/** What the console's "Next phase" button would do in each phase. */
export type NextPhase = Readonly<{ enabled: boolean; label: string; hint: string }>;

export function nextPhase(phase: Phase, agreement: Agreement): NextPhase {
  switch (phase) {
    case 'setup':
      return { enabled: false, label: 'Next phase', hint: 'Start the scene to begin.' };
    case 'warm-up':
      return {
        enabled: false,
        label: 'Next phase',
        hint: `Warm-up lasts the agreed ${formatSpan(agreement.warmUp.seconds)}: start slow.`,
      };
    case 'play':
      return {
        enabled: false,
        label: 'Next phase',
        hint: 'Play moves on when an orgasm is marked.',
      };
    case 'orgasm':
      return {
        enabled: true,
        label: 'Begin post-orgasm now',
        hint: 'The post-orgasm ceiling takes over.',
      };
    case 'post-orgasm':
      return {
        enabled: true,
        label: 'End post-orgasm now',
        hint: 'Stops every toy and moves to aftercare.',
      };
    case 'stopped':
      return { enabled: true, label: 'Go to aftercare', hint: 'Every toy stays at zero.' };
    case 'aftercare':
      return { enabled: true, label: 'Go to debrief', hint: 'When you are both ready.' };
    case 'debrief':
      return { enabled: true, label: 'Close the scene', hint: 'The scene is kept in history.' };
    case 'closed':
      return { enabled: false, label: 'Next phase', hint: 'The scene is closed.' };
  }
}
