import type {
  Actor,
  Audience,
  Effect,
  LimitChange,
  PauseCause,
  Phase,
  PromptKind,
  SceneEventType,
  SceneState,
  StopCause,
  StopRecord,
} from '../../core';
import type { ActionName } from './scenario';

/**
 * One line of `redline sim` / `redline replay` output. With --json each record is printed as
 * is (keys in this order), except `detail`, which only the readable form shows. docs/cli.md
 * documents these shapes; keep the two in step.
 */
export type SimRecord =
  | { t: number; type: 'scene'; sceneId: string; mode: 'pair' | 'solo'; agreementHash: string }
  | {
      t: number;
      type: 'device-map';
      device: string;
      feature: string;
      to: { device: string; feature: string };
    }
  | { t: number; type: 'action'; do: ActionName; detail: string }
  | { t: number; type: 'phase'; phase: Phase; from: Phase }
  | { t: number; type: 'output'; device: string; feature: string; value: number }
  | { t: number; type: 'prompt'; prompt: PromptKind; to: Audience; items?: readonly string[] }
  | { t: number; type: 'stop'; cause: StopCause; by: Actor }
  | { t: number; type: 'stop-all'; reason: 'stop' | 'pause' }
  | { t: number; type: 'paused'; cause: PauseCause }
  | { t: number; type: 'yellow'; by: Actor }
  | { t: number; type: 'resumed' }
  | { t: number; type: 'orgasm'; count: number; by: Actor; early: boolean }
  | { t: number; type: 'edge'; edging: boolean; by: Actor }
  | { t: number; type: 'limit'; limit: LimitChange; by: Actor }
  | { t: number; type: 'checkin-missed'; action: 'pause' | 'stop' }
  | { t: number; type: 'rejected'; event: SceneEventType; reason: string }
  | { t: number; type: 'end'; phase: Phase; stop: StopRecord | null; events: number };

export type RecordType = SimRecord['type'];

/**
 * The record for an effect that is not device work. Device work (`output`) is recorded from
 * what the simulated device actually received, so it is not handled here.
 */
export function effectRecord(effect: Exclude<Effect, { type: 'output' }>): SimRecord {
  const t = effect.at;
  switch (effect.type) {
    case 'stop-all':
      return { t, type: 'stop-all', reason: effect.reason };
    case 'phase':
      return { t, type: 'phase', phase: effect.phase, from: effect.from };
    case 'stop':
      return { t, type: 'stop', cause: effect.cause, by: effect.by };
    case 'paused':
      return { t, type: 'paused', cause: effect.cause };
    case 'yellow':
      return { t, type: 'yellow', by: effect.by };
    case 'resumed':
      return { t, type: 'resumed' };
    case 'orgasm':
      return { t, type: 'orgasm', count: effect.count, by: effect.by, early: effect.early };
    case 'edge':
      return { t, type: 'edge', edging: effect.edging, by: effect.by };
    case 'limit':
      return { t, type: 'limit', limit: effect.limit, by: effect.by };
    case 'checkin-missed':
      return { t, type: 'checkin-missed', action: effect.action };
    case 'prompt':
      return effect.items === undefined
        ? { t, type: 'prompt', prompt: effect.prompt, to: effect.to }
        : { t, type: 'prompt', prompt: effect.prompt, to: effect.to, items: effect.items };
    case 'rejected':
      return { t, type: 'rejected', event: effect.event, reason: effect.reason };
  }
}

export function sceneRecord(state: SceneState): SimRecord {
  return {
    t: state.createdAt,
    type: 'scene',
    sceneId: state.sceneId,
    mode: state.agreement.mode,
    agreementHash: state.agreementHash,
  };
}

export function endRecord(state: SceneState): SimRecord {
  const { stop } = state;
  return {
    t: state.now,
    type: 'end',
    phase: state.phase,
    stop: stop === null ? null : { cause: stop.cause, by: stop.by, at: stop.at },
    events: state.eventCount,
  };
}
