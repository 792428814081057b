import { featureKey, type FeatureKey } from '../governor/governor';
import type { Effect, PromptKind, Audience } from './effects';
import type { Actor } from './events';
import { isActive, type PauseCause, type Phase, type StopCause } from './phases';
import type { Draft } from './state';

/** One step in progress: the state being built and the effects it has asked for so far. */
export type StepContext = {
  s: Draft;
  effects: Effect[];
  /** Set when this step stopped or paused the scene: `stop-all` then goes first (S1). */
  haltReason: 'stop' | 'pause' | null;
  /** Set when this step ended a test pulse: no output may rise from its level (S2). */
  pulseEnded: boolean;
};

const MS = 1000;

export function emit(ctx: StepContext, effect: Effect): void {
  ctx.effects.push(effect);
}

export function prompt(
  ctx: StepContext,
  kind: PromptKind,
  to: Audience,
  items?: readonly string[],
) {
  emit(ctx, { type: 'prompt', at: ctx.s.now, prompt: kind, to, ...(items ? { items } : {}) });
}

/** Who answers the dominant's prompts: in solo mode the plan plays that part, so the person. */
export function dominantAudience(ctx: StepContext): Audience {
  return ctx.s.agreement.mode === 'solo' ? 'submissive' : 'dominant';
}

/** Ends the set-up's test pulse, if one is running; the governor then holds it at zero. */
export function endTestPulse(ctx: StepContext): void {
  if (ctx.s.testPulse === null) return;
  ctx.s.testPulse = null;
  ctx.pulseEnded = true;
}

export function enterPhase(ctx: StepContext, phase: Phase): void {
  const { s } = ctx;
  const from = s.phase;
  if (from === phase) return;
  // A test pulse belongs to the set-up: starting, stopping or closing the scene ends it.
  endTestPulse(ctx);
  s.phase = phase;
  s.phaseSince = s.now;
  s.planStep = 0;
  emit(ctx, { type: 'phase', at: s.now, phase, from });
  if (phase === 'aftercare') {
    prompt(ctx, 'aftercare', 'both', s.agreement.aftercare.items);
  } else if (phase === 'debrief') {
    prompt(ctx, 'debrief', 'both');
  }
}

/**
 * Latches the scene into stopped (S1). The first stop's cause is the one recorded. A closed scene
 * (ended before it started) stays closed: there is nothing left to stop.
 */
export function stopScene(ctx: StepContext, cause: StopCause, by: Actor): void {
  const { s } = ctx;
  if (s.stop !== null || s.phase === 'closed') return;
  s.stop = { cause, by, at: s.now };
  endTestPulse(ctx);
  s.targets = {};
  s.yellowCaps = {};
  s.paused = null;
  s.yellow = false;
  s.edging = false;
  s.checkIn = { nextDueAt: null, promptedAt: null };
  s.restraintCheckAt = null;
  s.lubricantCheckAt = null;
  ctx.haltReason = 'stop';
  emit(ctx, { type: 'stop', at: s.now, cause, by });
  enterPhase(ctx, 'stopped');
}

/** Holds every output at zero without ending the scene, until a fresh green (S1, S6). */
export function pauseScene(ctx: StepContext, cause: PauseCause): void {
  const { s } = ctx;
  if (!isActive(s.phase) || s.paused !== null) return;
  s.paused = cause;
  if (ctx.haltReason === null) ctx.haltReason = 'pause';
  emit(ctx, { type: 'paused', at: s.now, cause });
  prompt(ctx, 'green-to-resume', 'submissive');
}

/** Lowers every output by the agreed factor and holds it there until green (S6). */
export function yellowScene(ctx: StepContext, by: Actor): void {
  const { s } = ctx;
  // In set-up there is nothing to slow down but a test pulse: a yellow ends it.
  endTestPulse(ctx);
  if (!isActive(s.phase)) return;
  const factor = s.agreement.yellow.factor;
  const caps: Record<FeatureKey, number> = { ...s.yellowCaps };
  for (const f of s.features) {
    const key = featureKey(f.device, f.feature.id);
    caps[key] = Math.min(caps[key] ?? 1, (s.applied[key] ?? 0) * factor);
  }
  s.yellowCaps = caps;
  s.yellow = true;
  emit(ctx, { type: 'yellow', at: s.now, by });
  prompt(ctx, 'green-to-resume', 'submissive');
}

/** The submissive's fresh green: lifts a yellow or a pause and restarts the check-in clock. */
export function greenScene(ctx: StepContext): void {
  const { s } = ctx;
  if (!isActive(s.phase)) return;
  const wasHeld = s.yellow || s.paused !== null;
  s.yellow = false;
  s.yellowCaps = {};
  s.paused = null;
  s.checkIn = { nextDueAt: s.now + s.agreement.checkIn.intervalSeconds * MS, promptedAt: null };
  if (wasHeld) emit(ctx, { type: 'resumed', at: s.now });
}

export function signalAction(ctx: StepContext, action: 'yellow' | 'red'): void {
  if (action === 'red') stopScene(ctx, 'signal', 'submissive');
  else yellowScene(ctx, 'submissive');
}
