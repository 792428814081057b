import type { SceneView } from '../../protocol/view';
import { formatClock } from '../words/format';

/**
 * The clocks the console shows while a scene runs. Views carry the scene clock at the moment they
 * were made; between views the page adds the time it has seen pass since the last one arrived.
 */
export function estimateSceneNow(viewNow: number, receivedAt: number, localNow: number): number {
  return viewNow + Math.max(0, localNow - receivedAt);
}

export type TimerLine = Readonly<{ id: string; label: string; value: string; urgent?: boolean }>;

type TimerView = Pick<
  SceneView,
  'phase' | 'phaseSince' | 'startedAt' | 'postOrgasmEndsAt' | 'checkIn' | 'agreement' | 'stop'
>;

const S = 1000;

export function liveTimers(view: TimerView, now: number): readonly TimerLine[] {
  const a = view.agreement;
  const lines: TimerLine[] = [
    { id: 'in-phase', label: 'Time in this phase', value: formatClock(now - view.phaseSince) },
  ];
  if (view.startedAt !== null)
    lines.push({ id: 'scene', label: 'Scene time', value: formatClock(now - view.startedAt) });
  if (view.stop !== null) return lines;
  if (view.phase === 'warm-up')
    lines.push({
      id: 'warm-up-left',
      label: 'Warm-up left',
      value: formatClock(view.phaseSince + a.warmUp.seconds * S - now),
    });
  if (view.phase === 'play' && a.play.maxSeconds !== null)
    lines.push({
      id: 'play-left',
      label: 'Play ends without an orgasm in',
      value: formatClock(view.phaseSince + a.play.maxSeconds * S - now),
    });
  if (view.postOrgasmEndsAt !== null && (view.phase === 'orgasm' || view.phase === 'post-orgasm')) {
    const left = view.postOrgasmEndsAt - now;
    lines.push({
      id: 'post-orgasm-left',
      label: 'Post-orgasm time left',
      value: formatClock(left),
      urgent: left <= 10 * S,
    });
  }
  const { promptedAt, nextDueAt } = view.checkIn;
  if (promptedAt !== null) {
    const left = promptedAt + a.checkIn.answerTimeoutSeconds * S - now;
    const then = a.checkIn.onMissed === 'stop' ? 'stops' : 'pauses';
    lines.push({
      id: 'check-in',
      label: `Check-in asked: without an answer the scene ${then} in`,
      value: formatClock(left),
      urgent: true,
    });
  } else if (nextDueAt !== null) {
    lines.push({ id: 'check-in', label: 'Next check-in in', value: formatClock(nextDueAt - now) });
  }
  return lines;
}
