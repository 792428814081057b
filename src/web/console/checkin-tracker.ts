import type { Effect } from '../../core/scene/effects';
import type { SceneView } from '../../protocol/view';

/**
 * The receiver's last check-in, as the console shows it. The view carries no answer, so it is
 * read from what changes between two views: a prompt, a miss, or the prompt being cleared (an
 * answer: yellow or red when the same step says so, else green).
 */
export type CheckInAnswer = 'waiting' | 'green' | 'yellow' | 'red' | 'missed';
export type LastCheckIn = Readonly<{ at: number; answer: CheckInAnswer }> | null;

type CheckInView = Pick<SceneView, 'now' | 'checkIn' | 'stop'>;

export function trackCheckIn(
  last: LastCheckIn,
  previous: CheckInView | null,
  view: CheckInView,
  effects: readonly Effect[],
): LastCheckIn {
  const missed = effects.find((e) => e.type === 'checkin-missed');
  if (missed !== undefined) return { at: missed.at, answer: 'missed' };
  const asked = effects.find((e) => e.type === 'prompt' && e.prompt === 'check-in');
  if (asked !== undefined) return { at: asked.at, answer: 'waiting' };
  if (previous === null) return last;
  const wasAsked = previous.checkIn.promptedAt !== null;
  const cleared = wasAsked && view.checkIn.promptedAt === null;
  // An unprompted answer restarts the interval without a prompt having been shown.
  const restarted =
    !wasAsked &&
    previous.checkIn.nextDueAt !== null &&
    view.checkIn.nextDueAt !== null &&
    view.checkIn.nextDueAt !== previous.checkIn.nextDueAt;
  if (!cleared && !restarted) return last;
  const stoppedByRed =
    view.stop !== null && previous.stop === null && view.stop.cause === 'red' && wasAsked;
  if (stoppedByRed) return { at: view.stop.at, answer: 'red' };
  if (view.stop !== null) return last;
  const yellow = effects.find((e) => e.type === 'yellow' && e.by === 'submissive');
  if (yellow !== undefined) return { at: yellow.at, answer: 'yellow' };
  return { at: view.now, answer: 'green' };
}

export function checkInWords(answer: CheckInAnswer): string {
  switch (answer) {
    case 'waiting':
      return 'asked, waiting for an answer';
    case 'green':
      return 'green (all good)';
    case 'yellow':
      return 'yellow (slow down)';
    case 'red':
      return 'red (stop)';
    case 'missed':
      return 'missed';
  }
}
