import {
  createScene,
  featureKey,
  step,
  type Effect,
  type FeatureKey,
  type GovernedFeature,
  type SceneEvent,
  type SceneState,
} from '../../src/core';
import type { SceneScript } from '../arbitraries/scene';

/** One step of a scene: the state before, the event, the state after and the step's effects. */
export type Transition = Readonly<{
  index: number;
  prev: SceneState;
  event: SceneEvent;
  next: SceneState;
  effects: readonly Effect[];
  /** The time the step happened at: events never move a scene's time backwards. */
  at: number;
}>;

/** Steps through a scene log with `step()`, calling `visit` after every step. */
export function runScene(script: SceneScript, visit: (t: Transition) => void): SceneState {
  let state = createScene(script.created).state;
  script.events.forEach((event, index) => {
    const { state: next, effects } = step(state, event);
    visit({ index, prev: state, event, next, effects, at: Math.max(state.now, event.at) });
    state = next;
  });
  return state;
}

/** Throws with the message when the condition fails; cheap enough for every step and output. */
export function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

/** Where a step is, for failure messages. */
export function where(t: Transition): string {
  return `step ${t.index} ${JSON.stringify(t.event)} (phase ${t.prev.phase} -> ${t.next.phase})`;
}

export function keyOf(f: GovernedFeature): FeatureKey {
  return featureKey(f.device, f.feature.id);
}

export function level(state: SceneState, f: GovernedFeature): number {
  return state.applied[keyOf(f)] ?? 0;
}

export function outputEffects(effects: readonly Effect[]) {
  return effects.filter((e): e is Extract<Effect, { type: 'output' }> => e.type === 'output');
}

/**
 * What the devices are at, as the shell drives them: `stop-all` zeroes every output, then each
 * `output` sets one, in order (see src/server/scene-loop.ts).
 */
export class DeviceModel {
  private readonly levels = new Map<string, number>();

  apply(effects: readonly Effect[]): void {
    for (const e of effects) {
      if (e.type === 'stop-all') this.levels.clear();
      if (e.type === 'output') this.levels.set(e.key, e.value);
    }
  }

  level(key: string): number {
    return this.levels.get(key) ?? 0;
  }
}

/** The time of this step's `stop-all`, if it has one. */
export function stopAllAt(effects: readonly Effect[]): number | null {
  const first = effects[0];
  return first?.type === 'stop-all' ? first.at : null;
}
