import type { Agreement, OutputKind } from '../../core/agreement/agreement';
import { featureKey } from '../../core/governor/governor';
import type { Effect } from '../../core/scene/effects';
import type { DeviceSpec, SceneEvent } from '../../core/scene/events';
import { createScene, step } from '../../core/scene/machine';
import { isActive } from '../../core/scene/phases';
import type { SceneState } from '../../core/scene/state';

/**
 * The rehearsal (issue 5): before signing, the receiver tries every signal of the draft on one
 * simulated toy, run by the real scene machine and governor, and sees each one stop or slow it.
 * Pure: every call takes the time (ms on one monotonic clock, e.g. from performance.now()).
 *
 * Each try is a fresh practice scene (red is final for a scene, S6): it starts, skips ahead
 * through the warm-up and the ramp (the simulated panel keeps beating and answers check-ins
 * green meanwhile), asks for a level in play, and waits for the signal. Skipping ahead moves a
 * practice clock, `offset` ms ahead of the caller's: hold-to-continue and taps then run in real
 * time, as they would in a scene.
 */
export type SignalKind = 'red' | 'yellow' | 'hold' | 'taps';

export type TrialStatus =
  /** Running at its level, waiting for a signal. */
  | 'armed'
  /** The signal has begun (hold let go, some taps) and its effect is not there yet. */
  | 'waiting'
  /** The signal did what the agreement says. */
  | 'done'
  /** The practice scene stopped for another reason (e.g. the agreed play time ran out). */
  | 'failed';

export type Trial = Readonly<{
  scene: SceneState;
  signal: SignalKind | null;
  status: TrialStatus;
  /** The governed level when the signal began. */
  before: number;
  /** Plain words: what happened. */
  message: string;
}>;

export type Rehearsal = Readonly<{
  agreement: Agreement;
  /** Practice time minus the caller's time. */
  offset: number;
  /** The level the dominant asks for in play, 0–1 (the governor caps it). */
  requested: number;
  trial: Trial;
  done: readonly SignalKind[];
}>;

export const PRACTICE_DEVICE = 'practice';
export const PRACTICE_FEATURE = 'out';
const KEY = featureKey(PRACTICE_DEVICE, PRACTICE_FEATURE);
const MS = 1000;

/** The signals this agreement has: red and yellow always, hold and taps when agreed. */
export function signalsToRehearse(a: Agreement): SignalKind[] {
  return [
    'red',
    'yellow',
    ...(a.signals.holdToContinue !== null ? (['hold'] as const) : []),
    ...(a.signals.tapPattern !== null ? (['taps'] as const) : []),
  ];
}

/** The simulated toy: one output of the first kind the agreement allows. */
export function practiceDevice(a: Agreement): DeviceSpec {
  const kind = (Object.keys(a.outputs)[0] ?? 'vibrate') as OutputKind;
  return { id: PRACTICE_DEVICE, name: 'Practice toy', features: [{ id: PRACTICE_FEATURE, kind }] };
}

export function levelOf(scene: SceneState): number {
  return scene.applied[KEY] ?? 0;
}

export function isRehearsed(r: Rehearsal): boolean {
  return signalsToRehearse(r.agreement).every((s) => r.done.includes(s));
}

const int = (t: number) => Math.max(0, Math.round(t));

type Run = { scene: SceneState; effects: Effect[] };

function apply(run: Run, event: SceneEvent): void {
  const result = step(run.scene, event);
  run.scene = result.state;
  run.effects.push(...result.effects);
  // The simulated panel answers every check-in green, so a practice never pauses by itself.
  if (result.effects.some((e) => e.type === 'prompt' && e.prompt === 'check-in'))
    apply(run, {
      type: 'checkin.answered',
      at: run.scene.now,
      by: 'submissive',
      answer: 'green',
    });
}

/** Lets practice time pass up to `to`, the simulated panel beating all along (S5 never fires). */
function passTime(run: Run, to: number): void {
  // Half the heartbeat timeout (at least 500 ms): timers fire at their own times inside a step.
  const chunk = (run.scene.agreement.panel.heartbeatTimeoutSeconds * MS) / 2;
  while (run.scene.now < to && run.scene.stop === null) {
    const at = Math.min(to, int(run.scene.now + chunk));
    apply(run, { type: 'panel.heartbeat', at, by: 'submissive' });
  }
}

/** A fresh practice scene, started at `at` (practice time), in play at the requested level. */
export function armScene(a: Agreement, requested: number, at: number): SceneState {
  const run: Run = {
    scene: createScene({
      type: 'scene.created',
      at,
      sceneId: 'rehearsal',
      agreement: a,
      devices: [practiceDevice(a)],
    }).state,
    effects: [],
  };
  apply(run, { type: 'panel.heartbeat', at, by: 'submissive' });
  // With hold-to-continue agreed, the practice holds the button for the receiver.
  if (a.signals.holdToContinue !== null) apply(run, { type: 'signal.held', at, by: 'submissive' });
  apply(run, { type: 'scene.start', at, by: 'dominant' });
  passTime(run, at + a.warmUp.seconds * MS);
  if (run.scene.phase !== 'play') return run.scene;
  apply(run, {
    type: 'intensity.requested',
    at: run.scene.now,
    by: 'dominant',
    device: PRACTICE_DEVICE,
    feature: PRACTICE_FEATURE,
    value: requested,
  });
  // Along the ramp to the level the governor allows, at most the full ramp's time.
  const rampEnd = run.scene.now + a.rampFullScaleSeconds * MS;
  let last = -1;
  while (inPlay(run) && run.scene.now < rampEnd && levelOf(run.scene) !== last) {
    last = levelOf(run.scene);
    passTime(run, Math.min(rampEnd, run.scene.now + MS));
  }
  return run.scene;
}

/** Read through a call, so the check is made again after every step. */
function inPlay(run: Run): boolean {
  return run.scene.phase === 'play';
}

function armedTrial(a: Agreement, requested: number, at: number): Trial {
  const scene = armScene(a, requested, at);
  const level = levelOf(scene);
  const ok = scene.phase === 'play' && scene.stop === null;
  return {
    scene,
    signal: null,
    status: ok ? 'armed' : 'failed',
    before: level,
    message: ok ? '' : failedWords(scene),
  };
}

function failedWords(scene: SceneState): string {
  const cause = scene.stop?.cause;
  if (cause === 'time')
    return 'The practice scene reached the agreed play time and stopped. Start it again to go on.';
  return `The practice scene is ${scene.phase}${cause === undefined ? '' : ` (${cause})`}. Start it again to go on.`;
}

/** Starts a rehearsal at the caller's time `now`, asking for `requested` in play. */
export function startRehearsal(a: Agreement, now: number, requested = 1): Rehearsal {
  return rearm({ agreement: a, offset: 0, requested, trial: null, done: [] }, now);
}

/** A fresh practice scene now; practice time jumps ahead by the warm-up and the ramp. */
function rearm(r: Omit<Rehearsal, 'trial'> & { trial: Trial | null }, now: number): Rehearsal {
  const at = Math.max(int(now + r.offset), r.trial === null ? 0 : r.trial.scene.now);
  const trial = armedTrial(r.agreement, r.requested, at);
  return { ...r, trial, offset: trial.scene.now - int(now) };
}

export function restart(r: Rehearsal, now: number): Rehearsal {
  return rearm(r, now);
}

/** A new level to ask for: the practice scene starts again with it. */
export function setRequested(r: Rehearsal, requested: number, now: number): Rehearsal {
  return rearm({ ...r, requested: Math.min(1, Math.max(0, requested)) }, now);
}

const EPSILON = 1e-9;

/** What the agreement says this signal does to the toy. */
function expected(a: Agreement, signal: SignalKind): 'red' | 'yellow' {
  if (signal === 'red' || signal === 'yellow') return signal;
  const action =
    signal === 'hold' ? a.signals.holdToContinue?.action : a.signals.tapPattern?.action;
  return action ?? 'red';
}

/** Whether the signal's effect is there: the toy at zero and stopped, or slowed and held. */
function judge(trial: Trial, a: Agreement): Trial {
  const { scene, signal } = trial;
  if (signal === null || trial.status === 'done' || trial.status === 'failed') return trial;
  const level = levelOf(scene);
  const want = expected(a, signal);
  const percent = (x: number) => `${Math.round(x * 100)} %`;
  if (want === 'red' && scene.stop !== null && level === 0) {
    const ok = scene.stop.cause === (signal === 'red' ? 'red' : 'signal');
    return ok
      ? {
          ...trial,
          status: 'done',
          message: `The toy went from ${percent(trial.before)} to 0 % and the scene stopped.`,
        }
      : { ...trial, status: 'failed', message: failedWords(scene) };
  }
  if (want === 'yellow' && scene.yellow && level <= trial.before * a.yellow.factor + EPSILON)
    return {
      ...trial,
      status: 'done',
      message: `The toy went from ${percent(trial.before)} down to ${percent(level)} and stays there until a green.`,
    };
  if (scene.stop !== null || !isActive(scene.phase))
    return { ...trial, status: 'failed', message: failedWords(scene) };
  return trial;
}

function settle(r: Rehearsal, trial: Trial): Rehearsal {
  const judged = judge(trial, r.agreement);
  const signal = judged.signal;
  const done =
    judged.status === 'done' && signal !== null && !r.done.includes(signal)
      ? [...r.done, signal]
      : r.done;
  return { ...r, trial: judged, done };
}

/**
 * The receiver gives a signal at the caller's time `now`. A spent practice scene (after a
 * signal, or another signal's taps) is replaced by a fresh one first.
 */
export function give(r: Rehearsal, signal: SignalKind, now: number): Rehearsal {
  let current = r;
  const t = r.trial;
  const continuing = t.status === 'waiting' && t.signal === signal;
  if (!continuing && t.status !== 'armed') current = rearm(r, now);
  const trial = current.trial;
  if (trial.status === 'failed') return current;
  const run: Run = { scene: trial.scene, effects: [] };
  const at = Math.max(run.scene.now, int(now + current.offset));
  passTime(run, at);
  const before = continuing ? trial.before : levelOf(run.scene);
  apply(run, eventFor(signal, at));
  const waiting: Trial = {
    scene: run.scene,
    signal,
    status: 'waiting',
    before,
    message: waitingWords(current.agreement, signal, run.scene),
  };
  return settle(current, waiting);
}

function eventFor(signal: SignalKind, at: number): SceneEvent {
  switch (signal) {
    case 'red':
    case 'yellow':
      return { type: 'safeword', at, by: 'submissive', word: signal };
    case 'hold':
      return { type: 'signal.released', at, by: 'submissive' };
    case 'taps':
      return { type: 'signal.tapped', at, by: 'submissive' };
  }
}

function waitingWords(a: Agreement, signal: SignalKind, scene: SceneState): string {
  if (signal === 'hold') {
    const grace = a.signals.holdToContinue?.graceMs ?? 0;
    return `Let go. After ${grace / MS} seconds without the button, the agreed action follows…`;
  }
  if (signal === 'taps') {
    const need = a.signals.tapPattern?.taps ?? 0;
    return `Tap ${scene.signal.taps.length} of ${need}: keep tapping quickly.`;
  }
  return '';
}

/** Lets time pass to the caller's `now`: a hold's grace runs out, a tap window closes. */
export function advance(r: Rehearsal, now: number): Rehearsal {
  const t = r.trial;
  if (t.status !== 'armed' && t.status !== 'waiting') return r;
  const run: Run = { scene: t.scene, effects: [] };
  passTime(run, int(now + r.offset));
  const trial: Trial = { ...t, scene: run.scene };
  if (t.status === 'armed')
    return run.scene.stop === null
      ? { ...r, trial }
      : { ...r, trial: { ...trial, status: 'failed', message: failedWords(run.scene) } };
  const next =
    t.signal === 'taps'
      ? { ...trial, message: waitingWords(r.agreement, 'taps', run.scene) }
      : trial;
  return settle(r, next);
}
