import type { Effect } from '../../core/scene/effects';
import type { SceneEvent } from '../../core/scene/events';
import { createScene, step } from '../../core/scene/machine';
import type { SceneState } from '../../core/scene/state';

/** One event of the log, folded: the state right after it and what the step decided. */
export type FoldedStep = Readonly<{
  event: SceneEvent;
  state: SceneState;
  effects: readonly Effect[];
}>;

export type Folded = { ok: true; steps: readonly FoldedStep[] } | { ok: false; error: string };

/**
 * The log folded with the core's own scene machine, event by event (S7: the state is the fold of
 * the events, so this is the scene as it was, from the log only). The first step is the creation.
 */
export function foldLog(events: readonly SceneEvent[]): Folded {
  const [first, ...rest] = events;
  if (first?.type !== 'scene.created')
    return { ok: false, error: 'this log does not start with the scene’s creation' };
  try {
    let { state } = createScene(first);
    const steps: FoldedStep[] = [{ event: first, state, effects: [] }];
    for (const event of rest) {
      const result = step(state, event);
      state = result.state;
      steps.push({ event, state, effects: result.effects });
    }
    return { ok: true, steps };
  } catch (error) {
    return { ok: false, error: `this log does not replay: ${(error as Error).message}` };
  }
}
