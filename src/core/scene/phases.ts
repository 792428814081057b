/** The life of a scene (DESIGN.md), in order. */
export const PHASES = [
  'setup',
  'warm-up',
  'play',
  'orgasm',
  'post-orgasm',
  'stopped',
  'aftercare',
  'debrief',
  'closed',
] as const;
export type Phase = (typeof PHASES)[number];

/** Phases in which a device may receive anything but zero (S2). */
export const ACTIVE_PHASES = ['warm-up', 'play', 'orgasm', 'post-orgasm'] as const;
export type ActivePhase = (typeof ACTIVE_PHASES)[number];

export function isActive(phase: Phase): phase is ActivePhase {
  return (ACTIVE_PHASES as readonly Phase[]).includes(phase);
}

/** After a stop only these follow (S6). */
export function isAfterStop(phase: Phase): boolean {
  return phase === 'stopped' || phase === 'aftercare' || phase === 'debrief' || phase === 'closed';
}

/** Why a scene stopped. Every stop records one (DESIGN.md step 6). */
export const STOP_CAUSES = [
  'red',
  'signal',
  'checkin-missed',
  'time',
  'panel-lost',
  'device-lost',
  'withdrawn',
  'orgasm-limit',
  'early-orgasm',
  'ended',
  /** The server restarted or lost track of the scene: it never resumes by itself. */
  'interrupted',
  /** A sensor detected distress and the agreement maps it to red (agreement.detection). */
  'distress',
] as const;
export type StopCause = (typeof STOP_CAUSES)[number];

/** Why outputs are held at zero without ending the scene (S1, S6). */
export type PauseCause = 'checkin-missed';
