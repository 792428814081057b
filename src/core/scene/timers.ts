import { lubricantIntervalSeconds } from '../agreement/agreement';
import { featureKey } from '../governor/governor';
import {
  dominantAudience,
  endTestPulse,
  enterPhase,
  pauseScene,
  prompt,
  signalAction,
  stopScene,
  emit,
  type StepContext,
} from './context';
import { isActive, type Phase } from './phases';
import { postOrgasmEndsAt, type SceneState } from './state';

/**
 * Time-based transitions. The core has no clock: each step first fires, in order, every timer
 * that fell due up to the event's time, each at its own due time.
 */

const MS = 1000;
/** How long "stopped" shows before aftercare begins by itself (a partner may move on sooner). */
export const STOPPED_DWELL_MS = 5000;

/** Timer kinds in priority order: when two fall due together, stops come first (S1). */
const TIMER_KINDS = [
  'panel-lost',
  'post-orgasm-end',
  'play-end',
  'test-pulse-end',
  'hold-released',
  'checkin-missed',
  'warm-up-end',
  'orgasm-phase-end',
  'checkin-due',
  'restraint-check',
  'lubricant',
  'plan-step',
  'aftercare-begin',
  'aftercare-end',
] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

function planFor(s: SceneState, phase: Phase) {
  const plan = s.agreement.plan;
  if (plan === null) return undefined;
  if (phase === 'warm-up') return plan.warmUp;
  if (phase === 'play') return plan.play;
  if (phase === 'post-orgasm') return plan.postOrgasm;
  return undefined;
}

/** When the given timer falls due in this state, or null if it is not armed. */
export function dueAt(s: SceneState, kind: TimerKind): number | null {
  const a = s.agreement;
  const active = isActive(s.phase) && s.stop === null;
  switch (kind) {
    case 'panel-lost':
      return active && s.lastHeartbeatAt !== null
        ? s.lastHeartbeatAt + a.panel.heartbeatTimeoutSeconds * MS
        : null;
    case 'post-orgasm-end':
      return s.phase === 'orgasm' || s.phase === 'post-orgasm' ? postOrgasmEndsAt(s) : null;
    case 'play-end':
      return s.phase === 'play' && a.play.maxSeconds !== null
        ? s.phaseSince + a.play.maxSeconds * MS
        : null;
    case 'test-pulse-end':
      return s.phase === 'setup' && s.stop === null ? (s.testPulse?.until ?? null) : null;
    case 'hold-released': {
      const hold = a.signals.holdToContinue;
      return active && hold !== null && !s.signal.held && s.signal.releasedAt !== null
        ? s.signal.releasedAt + hold.graceMs
        : null;
    }
    case 'checkin-missed':
      return active && s.checkIn.promptedAt !== null
        ? s.checkIn.promptedAt + a.checkIn.answerTimeoutSeconds * MS
        : null;
    case 'warm-up-end':
      return s.phase === 'warm-up' ? s.phaseSince + a.warmUp.seconds * MS : null;
    case 'orgasm-phase-end':
      return s.phase === 'orgasm' ? s.phaseSince + a.orgasm.phaseSeconds * MS : null;
    case 'checkin-due':
      return active && s.checkIn.promptedAt === null ? s.checkIn.nextDueAt : null;
    case 'restraint-check':
      return active ? s.restraintCheckAt : null;
    case 'lubricant':
      return active ? s.lubricantCheckAt : null;
    case 'plan-step': {
      const step = active ? planFor(s, s.phase)?.[s.planStep] : undefined;
      return step === undefined ? null : s.phaseSince + step.afterSeconds * MS;
    }
    case 'aftercare-begin':
      return s.phase === 'stopped' ? s.phaseSince + STOPPED_DWELL_MS : null;
    case 'aftercare-end':
      return s.phase === 'aftercare' ? s.phaseSince + a.aftercare.minutes * 60 * MS : null;
  }
}

/** The earliest timer due at or before `until`, stops first among equals. */
export function nextDue(s: SceneState, until: number): { kind: TimerKind; at: number } | null {
  // Every step asks this a few times: one object for the answer, none per candidate.
  let bestKind: TimerKind | null = null;
  let bestAt = 0;
  for (const kind of TIMER_KINDS) {
    const at = dueAt(s, kind);
    if (at !== null && at <= until && (bestKind === null || at < bestAt)) {
      bestKind = kind;
      bestAt = at;
    }
  }
  return bestKind === null ? null : { kind: bestKind, at: bestAt };
}

export function fireTimer(ctx: StepContext, kind: TimerKind): void {
  const { s } = ctx;
  const a = s.agreement;
  switch (kind) {
    case 'panel-lost':
      stopScene(ctx, 'panel-lost', 'system');
      return;
    case 'post-orgasm-end':
    case 'play-end':
      stopScene(ctx, 'time', 'system');
      return;
    case 'test-pulse-end':
      endTestPulse(ctx);
      return;
    case 'hold-released': {
      s.signal = { ...s.signal, releasedAt: null };
      const hold = a.signals.holdToContinue;
      if (hold !== null) signalAction(ctx, hold.action);
      return;
    }
    case 'checkin-missed': {
      const action = a.checkIn.onMissed;
      s.checkIn = { nextDueAt: s.now + a.checkIn.intervalSeconds * MS, promptedAt: null };
      emit(ctx, { type: 'checkin-missed', at: s.now, action });
      if (action === 'stop') stopScene(ctx, 'checkin-missed', 'system');
      else pauseScene(ctx, 'checkin-missed');
      return;
    }
    case 'warm-up-end':
      enterPhase(ctx, 'play');
      return;
    case 'orgasm-phase-end':
      enterPhase(ctx, 'post-orgasm');
      return;
    case 'checkin-due':
      s.checkIn = { ...s.checkIn, promptedAt: s.now };
      prompt(ctx, 'check-in', 'submissive');
      return;
    case 'restraint-check': {
      const every = a.restraint.checkIntervalSeconds;
      s.restraintCheckAt = every === null ? null : s.now + every * MS;
      prompt(ctx, 'restraint-check', dominantAudience(ctx));
      return;
    }
    case 'lubricant': {
      const every = lubricantIntervalSeconds(a);
      s.lubricantCheckAt = every === null ? null : s.now + every * MS;
      prompt(ctx, 'lubricant', dominantAudience(ctx));
      return;
    }
    case 'plan-step': {
      const step = planFor(s, s.phase)?.[s.planStep];
      s.planStep += 1;
      if (step === undefined) return;
      const targets = { ...s.targets };
      for (const f of s.features) targets[featureKey(f.device, f.feature.id)] = step.level;
      s.targets = targets;
      return;
    }
    case 'aftercare-begin':
      enterPhase(ctx, 'aftercare');
      return;
    case 'aftercare-end':
      enterPhase(ctx, 'debrief');
      return;
  }
}

/** A guard against a timer that never disarms itself: that would be a broken invariant. */
const MAX_TIMERS_PER_STEP = 10_000;

/** Fires every timer due up to `until`, each at its own time, in order. */
export function advanceTo(ctx: StepContext, until: number): void {
  for (let fired = 0; ; fired++) {
    if (fired > MAX_TIMERS_PER_STEP) throw new Error('scene timers did not settle');
    const due = nextDue(ctx.s, until);
    if (due === null) break;
    ctx.s.now = Math.max(ctx.s.now, due.at);
    fireTimer(ctx, due.kind);
  }
  ctx.s.now = Math.max(ctx.s.now, until);
}
