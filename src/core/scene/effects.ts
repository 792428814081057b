import type { FeatureKey, GovernedLevel } from '../governor/governor';
import type { Actor, LimitChange, SceneEventType } from './events';
import type { PauseCause, Phase, StopCause } from './phases';

export type PromptKind =
  | 'check-in'
  | 'green-to-resume'
  | 'restraint-check'
  | 'lubricant'
  /** A sensor detected an orgasm and the agreement asks the dominant to confirm it by hand. */
  | 'confirm-orgasm'
  /** A sensor detected distress and the agreement maps it to no action: look and ask. */
  | 'distress'
  | 'aftercare'
  | 'debrief';
export type Audience = 'submissive' | 'dominant' | 'both';

/**
 * What a step asks the shell to do or record. When a step stops or pauses the scene, its first
 * effect is `stop-all`, so the shell sends it before any other work (S1).
 */
export type Effect =
  | { type: 'stop-all'; at: number; reason: 'stop' | 'pause' }
  | {
      type: 'output';
      at: number;
      key: FeatureKey;
      device: string;
      feature: string;
      value: GovernedLevel;
    }
  | { type: 'phase'; at: number; phase: Phase; from: Phase }
  | { type: 'stop'; at: number; cause: StopCause; by: Actor }
  | { type: 'paused'; at: number; cause: PauseCause }
  | { type: 'yellow'; at: number; by: Actor }
  | { type: 'resumed'; at: number }
  | { type: 'orgasm'; at: number; count: number; by: Actor; early: boolean }
  | { type: 'edge'; at: number; edging: boolean; by: Actor }
  | { type: 'limit'; at: number; limit: LimitChange; by: Actor }
  | { type: 'checkin-missed'; at: number; action: 'pause' | 'stop' }
  | {
      type: 'prompt';
      at: number;
      prompt: PromptKind;
      to: Audience;
      /** Aftercare items or other words to show with the prompt. */
      items?: readonly string[];
    }
  | { type: 'rejected'; at: number; event: SceneEventType; reason: string };

export type EffectType = Effect['type'];
