import type { FeatureKey } from '../../core/governor/governor';
import type { Agreement } from '../../core/agreement/agreement';
import type { SceneEvent } from '../../core/scene/events';
import type { SceneState } from '../../core/scene/state';
import { stopCauseWords } from '../aftercare/stop-words';
import type { PlotOutput } from '../console/plot-labels';
import { formatPercent, formatSpan } from '../words/format';
import { phaseName } from '../words/phase';
import { actorName } from '../words/names';

/** What one event of the log was, in a short phrase, for the replay. */
export function eventWords(event: SceneEvent, agreement: Agreement): string {
  const by = 'by' in event ? actorName(agreement, event.by) : 'Redline';
  switch (event.type) {
    case 'scene.created':
      return 'The scene was created under the signed agreement.';
    case 'scene.start':
      return `${by} started the scene.`;
    case 'intensity.requested':
      return `${by} asked for ${formatPercent(event.value)} on ${event.device}.`;
    case 'orgasm.marked':
      return `${by} marked an orgasm.`;
    case 'orgasm.detected':
      return 'A sensor detected an orgasm.';
    case 'distress.detected':
      return 'A sensor read signs of distress.';
    case 'edge.started':
      return `${by} began an edge.`;
    case 'edge.ended':
      return `${by} ended the edge.`;
    case 'checkin.answered':
      return `${by} answered the check-in: ${event.answer}.`;
    case 'safeword':
      return `${by} called ${event.word}.`;
    case 'signal.held':
      return `${by} held the signal.`;
    case 'signal.released':
      return `${by} let go of the hold signal.`;
    case 'signal.tapped':
      return `${by} tapped the signal.`;
    case 'panel.heartbeat':
      return 'The panel checked in (heartbeat).';
    case 'device.lost':
      return `A toy (${event.device}) lost its connection.`;
    case 'device.tested':
      return `${by} tested ${event.device} at low power.`;
    case 'limit.lowered':
      return `${by} lowered a limit.`;
    case 'consent.withdrawn':
      return `${by} withdrew consent.`;
    case 'scene.end':
      return `${by} ended the scene.`;
    case 'scene.interrupted':
      return 'The Redline server stopped or restarted.';
    case 'phase.next':
      return `${by} moved to the next phase.`;
    case 'tick':
      return 'Time passed (a timer).';
  }
}

/** The scene at one step of the replay, in words: the phase, each output, the limits in force. */
export type ReplaySnapshot = Readonly<{
  phase: string;
  status: string | null;
  levels: readonly Readonly<{ label: string; level: string }>[];
  limits: readonly string[];
  orgasms: string;
}>;

export function replaySnapshot(state: SceneState, outputs: readonly PlotOutput[]): ReplaySnapshot {
  const { limits, agreement } = state;
  const ceilings = Object.entries(limits.outputCeilings).map(
    ([kind, value]) => `${kind}: at most ${formatPercent(value)}`,
  );
  const active =
    state.phase in limits.phaseCeilings
      ? limits.phaseCeilings[state.phase as keyof typeof limits.phaseCeilings]
      : null;
  const status =
    state.stop !== null
      ? stopCauseWords(state.stop.cause, state.stop.by, agreement)
      : state.paused !== null
        ? 'Paused: every toy at zero until a fresh green.'
        : state.yellow
          ? 'Yellow: slowed down, the ramp held.'
          : null;
  return {
    phase: phaseName(state.phase),
    status,
    levels: outputs.map((o) => ({
      label: o.label,
      level: formatPercent(state.applied[o.key as FeatureKey] ?? 0),
    })),
    limits: [
      ...ceilings,
      ...(active === null ? [] : [`this phase: at most ${formatPercent(active)}`]),
      `ramp: full scale in no less than ${formatSpan(1 / limits.rampPerMs / 1000)}`,
      `post-orgasm: at most ${formatSpan(limits.postOrgasmMaxMs / 1000)}`,
      `orgasms: at most ${limits.orgasmsMax}`,
    ],
    orgasms: `${state.orgasms} of ${limits.orgasmsMax}`,
  };
}

/** The step on show at scene time `t`: the last one at or before it. */
export function stepAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || (times[0] ?? 0) > t) return 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((times[mid] ?? 0) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
