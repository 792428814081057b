import { govern, keyOf, type FeatureKey, type GovernedLevel } from '../governor/governor';
import { type StepContext } from './context';
import type { Effect } from './effects';
import type { CreatedEvent, SceneEvent } from './events';
import { handle } from './handlers';
import { draftOf, initialState, postOrgasmEndsAt, type SceneState } from './state';
import { advanceTo, nextDue } from './timers';

/**
 * The scene machine: `(state, event) -> [state, effects]`, pure. It lets time pass up to the
 * event (firing due timers), applies the event, lets any zero-delay timers fire, and then runs
 * the governor once, which alone decides what every output is (S2).
 */
export type StepResult = Readonly<{ state: SceneState; effects: readonly Effect[] }>;

export function createScene(event: CreatedEvent): StepResult {
  return { state: initialState(event), effects: [] };
}

export function step(state: SceneState, event: SceneEvent): StepResult {
  const ctx: StepContext = { s: draftOf(state), effects: [], haltReason: null, pulseEnded: false };
  // Time on one scene never runs backwards; a late event is taken as happening now.
  const at = Math.max(state.now, event.at);
  advanceTo(ctx, at);
  const refused = handle(ctx, event);
  if (refused !== null) {
    ctx.effects.push({ type: 'rejected', at, event: event.type, reason: refused });
  }
  advanceTo(ctx, at);
  governOutputs(ctx);
  ctx.s.eventCount += 1;
  return { state: ctx.s, effects: stopFirst(ctx, at) };
}

/** When this step's stop-all takes effect, or null if the step did not stop or pause. */
function haltAt(ctx: StepContext, at: number): number | null {
  if (ctx.haltReason === null) return null;
  const halt = ctx.effects.find((e) => e.type === 'stop' || e.type === 'paused');
  return halt?.at ?? at;
}

/** S1: when a step stops or pauses the scene, the shell sends stop before any other work. */
function stopFirst(ctx: StepContext, at: number): Effect[] {
  const haltedAt = haltAt(ctx, at);
  if (haltedAt === null || ctx.haltReason === null) return ctx.effects;
  return [{ type: 'stop-all', at: haltedAt, reason: ctx.haltReason }, ...ctx.effects];
}

/** When the scene next needs a tick to stay on time, or null if nothing is scheduled. */
export function nextWakeAt(state: SceneState): number | null {
  return nextDue(state, Number.MAX_SAFE_INTEGER)?.at ?? null;
}

function governOutputs(ctx: StepContext): void {
  const { s } = ctx;
  // This step's stop-all has already brought every device to zero (S1): a pause lifted by a
  // green in the same step rises again from zero, along the ramp from the moment of the halt.
  // A test pulse that ended in this step is zero now: nothing rises from its level, which was
  // never on the ramp (the scene may have started in this very step).
  const haltedAt = haltAt(ctx, s.now);
  const restAt = haltedAt ?? (ctx.pulseEnded ? s.now : null);
  const devices: Readonly<Record<FeatureKey, GovernedLevel>> = restAt === null ? s.applied : {};
  const applied = govern({
    now: s.now,
    phase: s.phase,
    stopped: s.stop !== null,
    paused: s.paused !== null,
    edging: s.edging,
    limits: s.limits,
    features: s.features,
    lostDevices: s.lostDevices,
    targets: s.targets,
    previous: devices,
    previousAt: restAt ?? s.appliedAt,
    yellowCaps: s.yellowCaps,
    postOrgasmEndsAt: postOrgasmEndsAt(s),
    testPulse: s.testPulse,
  });
  let same = true;
  for (const f of s.features) {
    const key: FeatureKey = keyOf(f);
    const value = applied[key];
    if (value !== s.applied[key]) same = false;
    const changed = value !== (s.applied[key] ?? 0) || value !== (devices[key] ?? 0);
    if (value !== undefined && changed) {
      ctx.effects.push({
        type: 'output',
        at: s.now,
        key,
        device: f.device,
        feature: f.feature.id,
        value,
      });
    }
  }
  // Levels all as they were keep their record (both hold exactly the features' keys, once the
  // first step governed them): whoever compares by identity sees no change.
  if (!same) s.applied = applied;
  s.appliedAt = s.now;
}

/** Folds a whole log: the first event creates the scene (S7). */
export function replay(events: readonly SceneEvent[]): StepResult {
  const [first, ...rest] = events;
  if (first?.type !== 'scene.created') throw new Error('a scene log starts with scene.created');
  let state = initialState(first);
  const effects: Effect[] = [];
  for (const event of rest) {
    const result = step(state, event);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}
