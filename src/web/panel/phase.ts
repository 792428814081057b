import type { Phase } from '../../core';

/**
 * Phase facts the panel needs, kept here as plain data: importing the core's values would pull
 * its schemas (and zod) into the app bundle.
 */
const AFTER_STOP: readonly Phase[] = ['stopped', 'aftercare', 'debrief', 'closed'];
const ACTIVE: readonly Phase[] = ['warm-up', 'play', 'orgasm', 'post-orgasm'];

export const isAfterStop = (phase: Phase): boolean => AFTER_STOP.includes(phase);
export const isActive = (phase: Phase): boolean => ACTIVE.includes(phase);

/** The phase in the receiver's words. */
export function phaseLabel(phase: Phase): string {
  switch (phase) {
    case 'setup':
      return 'Getting ready';
    case 'warm-up':
      return 'Warm-up';
    case 'play':
      return 'Play';
    case 'orgasm':
      return 'Orgasm';
    case 'post-orgasm':
      return 'After orgasm';
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
