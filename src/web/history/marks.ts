import type { Agreement } from '../../core/agreement/agreement';
import type { Effect } from '../../core/scene/effects';
import type { SceneEvent } from '../../core/scene/events';
import { stopCauseWords } from '../aftercare/stop-words';
import { actorName } from '../words/names';
import { phaseName } from '../words/phase';
import type { FoldedStep } from './fold';

/** What a marker on the timeline stands for; each kind has its own colour and words. */
export type MarkKind =
  | 'phase'
  | 'checkin-asked'
  | 'checkin-answered'
  | 'checkin-missed'
  | 'signal'
  | 'safeword'
  | 'orgasm'
  | 'pause'
  | 'limit'
  | 'device'
  | 'sensor'
  | 'stop';

/** One moment worth telling, in plain words; `at` is the scene clock. */
export type Mark = Readonly<{ at: number; kind: MarkKind; words: string }>;

const LIMIT_WORDS = {
  'output-ceiling': 'a toy’s ceiling',
  'phase-ceiling': 'a phase’s ceiling',
  ramp: 'the ramp',
  'post-orgasm-seconds': 'the post-orgasm time',
  orgasms: 'the number of orgasms',
} as const;

/** What an accepted event itself says (most events speak through their effects instead). */
function eventMark(event: SceneEvent, agreement: Agreement): [MarkKind, string] | null {
  const by = 'by' in event ? actorName(agreement, event.by) : 'Redline';
  if (event.type === 'checkin.answered')
    return ['checkin-answered', `${by} answered the check-in: ${event.answer}.`];
  if (event.type === 'safeword') return ['safeword', `${by} called ${event.word}.`];
  if (event.type === 'signal.released') return ['signal', `${by} let go of the hold signal.`];
  if (event.type === 'signal.tapped') return ['signal', `${by} tapped the signal.`];
  if (event.type === 'distress.detected') return ['sensor', 'A sensor read signs of distress.'];
  if (event.type === 'device.lost')
    return ['device', `A toy (${event.device}) lost its connection.`];
  return null;
}

/** What an effect of the core means on the timeline, if anything. */
function effectMark(effect: Effect, agreement: Agreement): [MarkKind, string] | null {
  if (effect.type === 'phase') return ['phase', `Phase: ${phaseName(effect.phase)}.`];
  if (effect.type === 'prompt')
    return effect.prompt === 'check-in' ? ['checkin-asked', 'Check-in asked.'] : null;
  if (effect.type === 'checkin-missed')
    return [
      'checkin-missed',
      `A check-in went unanswered, so the scene ${effect.action === 'stop' ? 'stopped' : 'paused'} as agreed.`,
    ];
  if (effect.type === 'orgasm') {
    const how =
      effect.by === 'sensor'
        ? 'detected by a sensor'
        : `marked by ${actorName(agreement, effect.by)}`;
    return [
      'orgasm',
      `Orgasm ${effect.count}, ${how}${effect.early ? ' (earlier than agreed)' : ''}.`,
    ];
  }
  if (effect.type === 'paused') return ['pause', 'Paused: every toy at zero until a fresh green.'];
  if (effect.type === 'resumed') return ['pause', 'Resumed after a fresh green.'];
  if (effect.type === 'limit')
    return [
      'limit',
      `${actorName(agreement, effect.by)} lowered ${LIMIT_WORDS[effect.limit.kind]}.`,
    ];
  if (effect.type === 'stop')
    return ['stop', `Stopped. ${stopCauseWords(effect.cause, effect.by, agreement)}`];
  return null;
}

/** The marks of one step: what its event and its effects mean, in the order they happened. */
function marksOf(step: FoldedStep, agreement: Agreement): Mark[] {
  const { event, effects } = step;
  const marks: Mark[] = [];
  const refused = effects.some((e) => e.type === 'rejected' && e.event === event.type);
  const own = refused ? null : eventMark(event, agreement);
  if (own !== null)
    marks.push({ at: Math.max(event.at, step.state.now), kind: own[0], words: own[1] });
  for (const effect of effects) {
    const mark = effectMark(effect, agreement);
    if (mark !== null) marks.push({ at: effect.at, kind: mark[0], words: mark[1] });
  }
  return marks;
}

/** Every mark of a folded log, in time order (the log's order where times are equal). */
export function timelineMarks(steps: readonly FoldedStep[], agreement: Agreement): Mark[] {
  return steps.flatMap((s) => marksOf(s, agreement)).sort((a, b) => a.at - b.at);
}
