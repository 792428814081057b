import {
  distressRule,
  lubricantIntervalSeconds,
  sensorOrgasmRule,
  type Agreement,
} from '../agreement/agreement';
import { featureKey } from '../governor/governor';
import { narrowLimits } from '../governor/limits';
import { TEST_PULSE_MS, testPulseCeiling } from '../governor/test-pulse';
import {
  dominantAudience,
  emit,
  endTestPulse,
  enterPhase,
  greenScene,
  signalAction,
  prompt,
  stopScene,
  yellowScene,
  type StepContext,
} from './context';
import type { Actor, EventOf, SceneEvent, SceneEventType } from './events';
import { isActive } from './phases';
import type { SceneState } from './state';

/**
 * What each event does to a scene. A handler returns a reason to refuse the event, or null when
 * it was applied. A refused event changes nothing (the step still lets time pass).
 */

type Refusal = string | null;
const MS = 1000;

/** Who may send an event of each kind (P2, S4). "either" means dominant or submissive. */
const SENDERS = {
  'scene.start': ['dominant', 'submissive'],
  'intensity.requested': ['dominant'],
  'orgasm.marked': ['dominant', 'submissive', 'sensor'],
  'orgasm.detected': ['sensor'],
  'distress.detected': ['sensor'],
  'edge.started': ['dominant', 'sensor'],
  'edge.ended': ['dominant', 'sensor'],
  'checkin.answered': ['submissive'],
  safeword: ['dominant', 'submissive'],
  'signal.held': ['submissive'],
  'signal.released': ['submissive'],
  'signal.tapped': ['submissive'],
  'panel.heartbeat': ['submissive'],
  'device.lost': ['system'],
  'device.tested': ['dominant'],
  'limit.lowered': ['dominant', 'submissive'],
  'consent.withdrawn': ['dominant', 'submissive'],
  'scene.end': ['dominant', 'submissive'],
  'phase.next': ['dominant', 'submissive'],
  'scene.interrupted': ['system'],
} as const satisfies Record<SentEventType, readonly Actor[]>;

/** The event types that carry a sender (`by`): all but the creation and the tick. */
export type SentEventType = Exclude<SceneEventType, 'scene.created' | 'tick'>;

/**
 * Why `by` may not send an event of this type in a scene of this mode, or null if it may (P2,
 * S4): the same check `step` makes, for the shell to refuse a frame at the edge before it is
 * logged. In solo mode nobody holds the dominant role: the person alone may do what it would.
 */
export function senderRefusal(
  mode: 'pair' | 'solo',
  type: SentEventType,
  by: Actor,
): string | null {
  const solo = mode === 'solo';
  if (solo && by === 'dominant') return 'a solo scene has no dominant';
  const allowed: readonly Actor[] = SENDERS[type];
  if (allowed.includes(by)) return null;
  if (solo && by === 'submissive' && allowed.includes('dominant')) return null;
  return `${by} may not send ${type}`;
}

function notActive(ctx: StepContext): Refusal {
  const { phase } = ctx.s;
  if (isActive(phase)) return null;
  return phase === 'setup' ? 'the scene has not started' : `the scene is ${phase}`;
}

export function handle(ctx: StepContext, event: SceneEvent): Refusal {
  if (event.type === 'scene.created') return 'the scene already exists';
  if (event.type === 'tick') return null;
  const refused = senderRefusal(ctx.s.agreement.mode, event.type, event.by);
  if (refused !== null) return refused;
  const { s } = ctx;
  const a = s.agreement;
  switch (event.type) {
    case 'scene.start': {
      if (s.phase !== 'setup') return 'the scene has already started';
      if (s.lostDevices.length > 0) return `lost devices: ${s.lostDevices.join(', ')}`;
      const beat = s.lastHeartbeatAt;
      if (beat === null || s.now - beat >= a.panel.heartbeatTimeoutSeconds * MS)
        return 'the panel is not connected: the receiver needs a working stop before anything starts';
      s.startedAt = s.now;
      s.checkIn = { nextDueAt: s.now + a.checkIn.intervalSeconds * MS, promptedAt: null };
      const every = a.restraint.used ? a.restraint.checkIntervalSeconds : null;
      s.restraintCheckAt = every === null ? null : s.now + every * MS;
      const lube = lubricantIntervalSeconds(a);
      s.lubricantCheckAt = lube === null ? null : s.now + lube * MS;
      if (a.signals.holdToContinue !== null && !s.signal.held)
        s.signal = { ...s.signal, releasedAt: s.now };
      enterPhase(ctx, 'warm-up');
      return null;
    }
    case 'intensity.requested': {
      const inactive = notActive(ctx);
      if (inactive !== null) return inactive;
      const known = s.features.some(
        (f) => f.device === event.device && f.feature.id === event.feature,
      );
      if (!known) return `no feature ${event.feature} on device ${event.device}`;
      s.targets = { ...s.targets, [featureKey(event.device, event.feature)]: event.value };
      return null;
    }
    case 'orgasm.marked':
      return markOrgasm(ctx, event.by);
    case 'orgasm.detected':
      return orgasmDetected(ctx, event);
    case 'distress.detected':
      return distressDetected(ctx);
    case 'edge.started':
    case 'edge.ended': {
      if (s.phase !== 'play') return 'edging belongs to play';
      const edging = event.type === 'edge.started';
      if (s.edging !== edging) {
        s.edging = edging;
        emit(ctx, { type: 'edge', at: s.now, edging, by: event.by });
      }
      return null;
    }
    case 'checkin.answered':
      // Answers are always taken, prompted or not: the panel's buttons never go dead (S4).
      if (event.answer === 'red') stopScene(ctx, 'red', event.by);
      else if (event.answer === 'yellow') {
        yellowScene(ctx, event.by);
        s.checkIn = { nextDueAt: s.now + a.checkIn.intervalSeconds * MS, promptedAt: null };
      } else greenScene(ctx);
      return null;
    case 'safeword':
      if (event.word === 'red') stopScene(ctx, 'red', event.by);
      else yellowScene(ctx, event.by);
      return null;
    case 'signal.held':
      s.signal = { ...s.signal, held: true, releasedAt: null };
      return null;
    case 'signal.released':
      s.signal = {
        ...s.signal,
        held: false,
        releasedAt: s.signal.held ? s.now : s.signal.releasedAt,
      };
      return null;
    case 'signal.tapped': {
      const pattern = a.signals.tapPattern;
      if (pattern === null) return 'the agreement has no tap pattern';
      const taps = [...s.signal.taps.filter((t) => s.now - t < pattern.withinMs), s.now];
      if (taps.length >= pattern.taps && isActive(s.phase)) {
        s.signal = { ...s.signal, taps: [] };
        signalAction(ctx, pattern.action);
      } else s.signal = { ...s.signal, taps };
      return null;
    }
    case 'panel.heartbeat':
      s.lastHeartbeatAt = s.now;
      return null;
    case 'device.lost': {
      if (!s.devices.some((d) => d.id === event.device)) return `no device ${event.device}`;
      if (!s.lostDevices.includes(event.device)) s.lostDevices = [...s.lostDevices, event.device];
      if (s.testPulse?.key.startsWith(`${event.device}/`) === true) endTestPulse(ctx);
      if (isActive(s.phase)) stopScene(ctx, 'device-lost', 'system');
      return null;
    }
    case 'device.tested':
      return testDevice(ctx, event);
    case 'limit.lowered': {
      if (s.phase === 'closed') return 'the scene is closed';
      const narrowed = narrowLimits(s.limits, event.limit);
      if (!narrowed.ok) return narrowed.reason;
      s.limits = narrowed.limits;
      emit(ctx, { type: 'limit', at: s.now, limit: event.limit, by: event.by });
      return null;
    }
    case 'consent.withdrawn':
      if (s.phase === 'setup' || isActive(s.phase)) stopScene(ctx, 'withdrawn', event.by);
      return null;
    case 'scene.end':
      if (s.phase === 'setup') enterPhase(ctx, 'closed');
      else if (isActive(s.phase)) stopScene(ctx, 'ended', event.by);
      else return `the scene is already ${s.phase}`;
      return null;
    case 'phase.next':
      return nextPhase(ctx, event.by);
    case 'scene.interrupted':
      // Like every other certain stop: latched in setup or an active phase (S1), final (S6);
      // a scene already stopped or closed stays as it is.
      if (s.phase === 'setup' || isActive(s.phase)) stopScene(ctx, 'interrupted', 'system');
      return null;
  }
}

/**
 * True when this event certainly stops the scene in its step: a red, a withdrawal or an
 * interruption from a sender the core accepts, while the scene is set up or running and not yet
 * stopped. The shell may then send stop to every device before it even folds the event (S1); the
 * step's first effect is `stop-all` whenever this holds (a property test says so).
 */
export function stopsAtOnce(state: SceneState, event: SceneEvent): boolean {
  if (state.stop !== null || (state.phase !== 'setup' && !isActive(state.phase))) return false;
  // A distress mapped to red stops an active scene only: in set-up nothing runs yet.
  if (event.type === 'distress.detected' && !isActive(state.phase)) return false;
  return (
    isStopRequest(event, state.agreement) &&
    senderRefusal(state.agreement.mode, event.type, event.by) === null
  );
}

/**
 * A red (safeword or check-in answer), a withdrawal or an interruption: an event that asks for a
 * stop. Given the agreement, also a detected distress that it maps to red (agreement.detection);
 * without it, a distress is not counted (it may only prompt).
 */
export function isStopRequest(
  event: SceneEvent,
  agreement?: Agreement,
): event is EventOf<
  'safeword' | 'checkin.answered' | 'consent.withdrawn' | 'scene.interrupted' | 'distress.detected'
> {
  return (
    (event.type === 'safeword' && event.word === 'red') ||
    (event.type === 'checkin.answered' && event.answer === 'red') ||
    event.type === 'consent.withdrawn' ||
    event.type === 'scene.interrupted' ||
    (event.type === 'distress.detected' &&
      agreement !== undefined &&
      distressRule(agreement)?.action === 'red')
  );
}

/**
 * A detector saw an orgasm (docs/decisions/0012). Under 'start-post-orgasm' it is the sensor
 * marking it, with every rule of a marked orgasm (early, limit, phases). Otherwise (also when the
 * agreement says nothing) it changes no phase and no output: the dominant (solo: the person
 * alone) is asked to confirm, with the detector's confidence, and marks it by hand.
 */
function orgasmDetected(ctx: StepContext, event: EventOf<'orgasm.detected'>): Refusal {
  const inactive = notActive(ctx);
  if (inactive !== null) return inactive;
  if (sensorOrgasmRule(ctx.s.agreement) === 'start-post-orgasm') return markOrgasm(ctx, event.by);
  prompt(ctx, 'confirm-orgasm', dominantAudience(ctx), [
    `A sensor detected an orgasm (${confidenceWords(event.confidence)}).`,
    'If it happened, mark it; otherwise carry on.',
  ]);
  return null;
}

/** A detector's confidence in plain words, with its percentage. */
export function confidenceWords(confidence: number): string {
  const percent = Math.round(confidence * 100);
  const word = confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'medium' : 'low';
  return `${word} confidence, ${percent} %`;
}

/**
 * A detector saw distress (docs/decisions/0012). In an active phase the agreed action follows:
 * red stops the scene (cause distress, S1, S6), yellow lowers and holds like the submissive's
 * yellow until their green (S6), and the dominant is told. Without an agreed action it is never
 * dropped: the dominant (solo: the person alone) is prompted. Nothing runs in set-up (refused),
 * and after a stop it changes nothing (S6).
 */
function distressDetected(ctx: StepContext): Refusal {
  const { s } = ctx;
  if (s.phase === 'setup') return 'the scene has not started';
  if (!isActive(s.phase) || s.stop !== null) return null;
  const rule = distressRule(s.agreement);
  if (rule?.action === 'red') {
    stopScene(ctx, 'distress', 'sensor');
    return null;
  }
  if (rule?.action === 'yellow') yellowScene(ctx, 'sensor');
  prompt(ctx, 'distress', dominantAudience(ctx), [
    rule === null
      ? 'A sensor reports signs of distress. Check in now, and stop if in doubt.'
      : `Heart rate stayed above ${rule.hrCeilingBpm} bpm for ${rule.sustainSeconds} s: everything was slowed as agreed. Check in now.`,
  ]);
  return null;
}

/**
 * The set-up's test pulse: one output, at most the test level, for TEST_PULSE_MS, replacing any
 * pulse still running. The governor alone turns it into a level (S2).
 */
function testDevice(ctx: StepContext, event: EventOf<'device.tested'>): Refusal {
  const { s } = ctx;
  if (s.stop !== null) return 'the scene has stopped';
  if (s.phase !== 'setup') return `the test pulse belongs to the set-up; the scene is ${s.phase}`;
  const feature = s.features.find(
    (f) => f.device === event.device && f.feature.id === event.feature,
  );
  if (feature === undefined) return `no feature ${event.feature} on device ${event.device}`;
  if (s.lostDevices.includes(event.device)) return `device ${event.device} was lost`;
  const kind = feature.feature.kind;
  if (s.limits.outputCeilings[kind] === undefined) return `the agreement does not allow ${kind}`;
  if (testPulseCeiling(s.limits, kind) === 0)
    return `the agreed ceilings hold ${kind} at 0: there is nothing to test`;
  endTestPulse(ctx);
  s.testPulse = { key: featureKey(event.device, event.feature), until: s.now + TEST_PULSE_MS };
  return null;
}

function markOrgasm(ctx: StepContext, by: Actor): Refusal {
  const { s } = ctx;
  const a = s.agreement;
  const inactive = notActive(ctx);
  if (inactive !== null) return inactive;
  s.orgasms += 1;
  s.edging = false;
  const first = s.firstOrgasmAt === null;
  const early =
    first && s.startedAt !== null && s.now - s.startedAt < a.orgasm.notBeforeSeconds * MS;
  emit(ctx, { type: 'orgasm', at: s.now, count: s.orgasms, by, early });
  if (s.orgasms > s.limits.orgasmsMax) {
    stopScene(ctx, 'orgasm-limit', 'system');
    return null;
  }
  if (early && a.orgasm.early === 'stop') {
    stopScene(ctx, 'early-orgasm', 'system');
    return null;
  }
  if (first) {
    s.firstOrgasmAt = s.now;
    enterPhase(ctx, 'orgasm');
  }
  return null;
}

function nextPhase(ctx: StepContext, by: Actor): Refusal {
  const { s } = ctx;
  switch (s.phase) {
    case 'setup':
      return 'start the scene to begin';
    case 'warm-up':
      return `warm-up lasts the agreed ${s.agreement.warmUp.seconds} seconds: start slow`;
    case 'play':
      return 'play moves on when an orgasm is marked';
    case 'orgasm':
      enterPhase(ctx, 'post-orgasm');
      return null;
    case 'post-orgasm':
      stopScene(ctx, 'ended', by);
      return null;
    case 'stopped':
      enterPhase(ctx, 'aftercare');
      return null;
    case 'aftercare':
      enterPhase(ctx, 'debrief');
      return null;
    case 'debrief':
      enterPhase(ctx, 'closed');
      return null;
    case 'closed':
      return 'the scene is closed';
  }
}
