/**
 * Hold-to-continue: the receiver keeps a finger on the hold area; letting go for longer than the
 * agreed grace makes the server act (slow down or stop). This tracks the finger and says which
 * signal to send. Anything that might mean "no longer holding" (cancel, leaving the page, losing
 * focus) counts as letting go: when in doubt, the safe reading wins.
 */
export type HoldState = Readonly<{
  held: boolean;
  pointerId: number | null;
  releasedAt: number | null;
}>;
export type HoldEvent =
  | { type: 'press'; pointerId: number; at: number }
  | { type: 'release'; pointerId: number; at: number }
  | { type: 'cancel'; at: number }
  | { type: 'hidden'; at: number }
  | { type: 'blur'; at: number };
export type HoldSignal = 'held' | 'released';

export const INITIAL_HOLD: HoldState = { held: false, pointerId: null, releasedAt: null };
/** The keyboard's pointer id (Space held on the hold area). */
export const KEYBOARD_POINTER = -1;

export function stepHold(
  state: HoldState,
  event: HoldEvent,
): { state: HoldState; send: HoldSignal | null } {
  switch (event.type) {
    case 'press':
      if (state.held) return { state, send: null };
      return { state: { held: true, pointerId: event.pointerId, releasedAt: null }, send: 'held' };
    case 'release':
      if (!state.held || state.pointerId !== event.pointerId) return { state, send: null };
      return { state: { held: false, pointerId: null, releasedAt: event.at }, send: 'released' };
    case 'cancel':
    case 'hidden':
    case 'blur':
      if (!state.held) return { state, send: null };
      return { state: { held: false, pointerId: null, releasedAt: event.at }, send: 'released' };
  }
}

/** After a reconnect the server may remember a different hold: say how it is now. */
export function resyncSignal(state: HoldState): HoldSignal {
  return state.held ? 'held' : 'released';
}

/** Milliseconds left before the agreed action, while released in a live scene; null otherwise. */
export function graceLeftMs(state: HoldState, graceMs: number, now: number): number | null {
  if (state.held || state.releasedAt === null) return null;
  return Math.min(graceMs, Math.max(0, state.releasedAt + graceMs - now));
}
