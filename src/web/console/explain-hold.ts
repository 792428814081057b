import type { OutputKind } from '../../core/agreement/agreement';
import { isActive } from '../../core/scene/phases';
import type { SceneView } from '../../protocol/view';
import { formatPercent, formatSpan } from '../words/format';

/**
 * Why the governor lets less through to an output than the dominant asked for. The console shows
 * it beside each control, so a held-back level never looks like a fault.
 */
export type HoldReason =
  | 'stopped'
  | 'not-started'
  | 'paused'
  | 'edging'
  | 'device-lost'
  | 'time-up'
  | 'yellow'
  | 'ceiling'
  | 'ramp';

export type Hold = Readonly<{ reason: HoldReason; words: string }>;

export type HoldInput = Pick<
  SceneView,
  | 'stop'
  | 'phase'
  | 'paused'
  | 'edging'
  | 'yellow'
  | 'lostDevices'
  | 'postOrgasmEndsAt'
  | 'now'
  | 'limits'
  | 'requested'
  | 'applied'
>;

/** Differences smaller than this are rounding, not holding. */
const EPSILON = 0.005;

/** The ceiling in force for an output now, and what sets it ("the play ceiling"). */
export function ceilingOf(
  view: Pick<SceneView, 'phase' | 'limits'>,
  kind: OutputKind,
): { value: number; source: string } | null {
  const { phase, limits } = view;
  if (!isActive(phase)) return null;
  const output = limits.outputCeilings[kind] ?? 0;
  const phaseCeiling = limits.phaseCeilings[phase];
  return output < phaseCeiling
    ? { value: output, source: `the ${kind} ceiling` }
    : { value: phaseCeiling, source: `the ${phase} ceiling` };
}

/** Why `applied` is below `requested` for one output, or null when nothing holds it. */
export function explainHold(
  view: HoldInput,
  device: string,
  feature: Readonly<{ id: string; kind: OutputKind }>,
): Hold | null {
  const key = `${device}/${feature.id}`;
  const requested = view.requested[key] ?? 0;
  const applied = view.applied[key] ?? 0;
  if (requested <= applied + EPSILON) return null;
  if (view.stop !== null)
    return { reason: 'stopped', words: 'The scene has stopped: every toy is at zero.' };
  if (!isActive(view.phase)) {
    if (view.phase === 'setup')
      return { reason: 'not-started', words: 'Nothing runs until the scene starts.' };
    return { reason: 'stopped', words: 'The scene has stopped: every toy is at zero.' };
  }
  if (view.paused !== null)
    return {
      reason: 'paused',
      words: "Paused after a missed check-in: at zero until the receiver's green.",
    };
  if (view.lostDevices.includes(device))
    return { reason: 'device-lost', words: 'This device was lost: it is held at zero.' };
  if (view.postOrgasmEndsAt !== null && view.now >= view.postOrgasmEndsAt)
    return { reason: 'time-up', words: 'The agreed post-orgasm time is over.' };
  if (view.edging)
    return { reason: 'edging', words: 'Edging: play stimulation rests at zero until you end it.' };
  const ceiling = ceilingOf(view, feature.kind);
  const bound = Math.min(requested, ceiling?.value ?? 0);
  if (view.yellow && applied < bound - EPSILON)
    return { reason: 'yellow', words: "Yellow: held lower until the receiver's green." };
  if (ceiling !== null && requested > ceiling.value + EPSILON && applied >= ceiling.value - EPSILON)
    return {
      reason: 'ceiling',
      words: `Held at ${ceiling.source} of ${formatPercent(ceiling.value)}.`,
    };
  const fullScale = view.limits.rampPerMs > 0 ? 1 / (view.limits.rampPerMs * 1000) : 0;
  return {
    reason: 'ramp',
    words: `Rising at the agreed ramp (no faster than 0 to full in ${formatSpan(fullScale)}).`,
  };
}
