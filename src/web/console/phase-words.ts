import type { Agreement } from '../../core/agreement/agreement';
import type { Phase } from '../../core/scene/phases';
import { formatSpan } from './format';

/** Phases and what "Next phase" would do in each, in plain words. */
export function phaseName(phase: Phase): string {
  switch (phase) {
    case 'setup':
      return 'Set-up';
    case 'warm-up':
      return 'Warm-up';
    case 'play':
      return 'Play';
    case 'orgasm':
      return 'Orgasm';
    case 'post-orgasm':
      return 'Post-orgasm';
    case 'stopped':
      return 'Stopped';
    case 'aftercare':
      return 'Aftercare';
    case 'debrief':
      return 'Debrief';
    case 'closed':
      return 'Closed';
  }
}

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
