import type { Actor, LimitChange, SceneEvent } from '../../core';
import type { ActionName, TimelineAction } from './scenario';

/**
 * Timeline actions and scene events, both ways. The sim turns actions into events; the output
 * names each action from its event, so `sim` and `replay` of its log print the same lines.
 */

type Mode = 'pair' | 'solo';

/**
 * The scene event an action sends, or null for the simulated panel's own behaviour. `at` is the
 * action's `t` on the simulated clock; in real time it is when the action actually ran.
 */
export function actionEvent(
  action: TimelineAction,
  mode: Mode,
  at: number = action.t,
): SceneEvent | null {
  // In solo mode nobody holds the dominant role; the person alone does what it would.
  const partner = mode === 'pair' ? 'dominant' : 'submissive';
  const submissive = 'submissive';
  switch (action.do) {
    case 'start':
      return { type: 'scene.start', at, by: action.by ?? partner };
    case 'intensity': {
      const { device, feature, value } = action;
      return { type: 'intensity.requested', at, by: action.by ?? partner, device, feature, value };
    }
    case 'orgasm':
      return { type: 'orgasm.marked', at, by: action.by ?? partner };
    case 'edge-start':
      return { type: 'edge.started', at, by: action.by ?? partner };
    case 'edge-end':
      return { type: 'edge.ended', at, by: action.by ?? partner };
    case 'checkin':
      return { type: 'checkin.answered', at, by: submissive, answer: action.answer };
    case 'safeword':
      return { type: 'safeword', at, by: action.by ?? submissive, word: action.word };
    case 'hold':
      return { type: 'signal.held', at, by: submissive };
    case 'release':
      return { type: 'signal.released', at, by: submissive };
    case 'tap':
      return { type: 'signal.tapped', at, by: submissive };
    case 'panel-silent':
    case 'panel-back':
      return null;
    case 'device-lost':
      return { type: 'device.lost', at, by: 'system', device: action.device };
    case 'lower-limit':
      return { type: 'limit.lowered', at, by: action.by ?? partner, limit: action.limit };
    case 'withdraw':
      return { type: 'consent.withdrawn', at, by: action.by ?? partner };
    case 'end':
      return { type: 'scene.end', at, by: action.by ?? partner };
    case 'next':
      return { type: 'phase.next', at, by: action.by ?? partner };
  }
}

/** The action an event came from, with a plain description; null for heartbeats and ticks. */
export function eventAction(event: SceneEvent): { do: ActionName; detail: string } | null {
  switch (event.type) {
    case 'scene.created':
    case 'panel.heartbeat':
    case 'tick':
    case 'scene.interrupted': // the shell's own, never a scenario's action
    case 'device.tested': // a screen's test pulse in set-up; scenarios have no such action
    case 'orgasm.detected': // a detector's, never a scenario's action
    case 'distress.detected':
      return null;
    case 'scene.start':
      return { do: 'start', detail: by(event.by) };
    case 'intensity.requested':
      return {
        do: 'intensity',
        detail: `${event.device}/${event.feature} asked for ${percent(event.value)} ${by(event.by)}`,
      };
    case 'orgasm.marked':
      return { do: 'orgasm', detail: by(event.by) };
    case 'edge.started':
      return { do: 'edge-start', detail: by(event.by) };
    case 'edge.ended':
      return { do: 'edge-end', detail: by(event.by) };
    case 'checkin.answered':
      return { do: 'checkin', detail: `answer ${event.answer} ${by(event.by)}` };
    case 'safeword':
      return { do: 'safeword', detail: `${event.word} ${by(event.by)}` };
    case 'signal.held':
      return { do: 'hold', detail: by(event.by) };
    case 'signal.released':
      return { do: 'release', detail: by(event.by) };
    case 'signal.tapped':
      return { do: 'tap', detail: by(event.by) };
    case 'device.lost':
      return { do: 'device-lost', detail: event.device };
    case 'limit.lowered':
      return { do: 'lower-limit', detail: `${describeLimit(event.limit)} ${by(event.by)}` };
    case 'consent.withdrawn':
      return { do: 'withdraw', detail: by(event.by) };
    case 'scene.end':
      return { do: 'end', detail: by(event.by) };
    case 'phase.next':
      return { do: 'next', detail: by(event.by) };
  }
}

export function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

export function describeLimit(limit: LimitChange): string {
  switch (limit.kind) {
    case 'output-ceiling':
      return `${limit.output} ceiling to ${percent(limit.value)}`;
    case 'phase-ceiling':
      return `${limit.phase} ceiling to ${percent(limit.value)}`;
    case 'ramp':
      return `ramp to ${limit.fullScaleSeconds} s for full scale`;
    case 'post-orgasm-seconds':
      return `post-orgasm time to ${limit.value} s`;
    case 'orgasms':
      return `orgasms to ${limit.value}`;
  }
}

function by(actor: Actor): string {
  return `(${actor})`;
}
