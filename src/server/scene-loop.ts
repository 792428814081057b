import {
  createScene,
  isStopRequest,
  replay,
  step,
  stopsAtOnce,
  type CreatedEvent,
  type Effect,
  type SceneEvent,
  type SceneState,
} from '../core';
import type { DevicePort } from '../devices/port';
import type { EventLog } from './event-log';

/** What one dispatched event did, for whoever renders or forwards it. */
export type StepReport = Readonly<{
  event: SceneEvent;
  effects: readonly Effect[];
  state: SceneState;
}>;
export type StepListener = (report: StepReport) => void;

export type SceneLoopPorts = Readonly<{
  devices: DevicePort;
  log: EventLog;
  /**
   * Runs `fn` once the process has yielded (live scenes; default `setTimeout(fn, 0)`). After a
   * stop has been sent, the fold of its event waits for this, so a device server sharing the CPU
   * acts on the stop before Redline does its bookkeeping.
   */
  defer?: (fn: () => void) => void;
}>;

export type SceneLoop = {
  readonly state: SceneState;
  /** Folds one event in and carries out what it decided; returns the effects, in order. */
  dispatch(event: SceneEvent): readonly Effect[];
  /**
   * The live entry: a certain stop (a red, a withdrawal) is sent to every device at once and its
   * fold deferred until the process has yielded; every event submitted meanwhile folds after it,
   * in order. Any other event folds at once, as `dispatch` does.
   */
  submit(event: SceneEvent): void;
  /**
   * As `submit`, for an event someone asked for: when the core rejects it, nothing happens —
   * not to the state, the devices or the log — and its reason is returned (one step, not a trial
   * and then the real one). A certain stop, or anything behind one, is submitted as it is.
   */
  offer(event: SceneEvent): string | null;
  /** Folds every deferred event now (before ending a run). */
  flush(): void;
  /** True from a stop sent by `submit` until its event is folded. */
  readonly stopPending: boolean;
  /** Hears every step after it was carried out; returns a function that unsubscribes. */
  subscribe(listener: StepListener): () => void;
};

/**
 * The per-scene loop: the one place that feeds events to the core and carries out its decisions.
 * It does IO only through its ports. Per step, in this order: stop-all (S1), then outputs, then
 * the log (S7), then listeners — so a stop never waits on storage, rendering or a reply.
 */
export function createSceneLoop(
  created: CreatedEvent,
  ports: SceneLoopPorts,
  /** The events after `created` already in the log (a restarted server): folded, not re-sent. */
  stored?: readonly SceneEvent[],
): SceneLoop {
  let state: SceneState;
  if (stored === undefined) {
    state = createScene(created).state;
    ports.log.append(created);
  } else {
    // Replayed without touching a device or the log: what the devices did then is past.
    state = replay([created, ...stored]).state;
  }
  const listeners = new Set<StepListener>();

  const defer = ports.defer ?? ((fn: () => void) => setTimeout(fn, 0));
  /** Submitted events not yet folded, each with whether its stop was already sent. */
  const deferred: { event: SceneEvent; stopSent: boolean }[] = [];

  /** Carries out a step already taken: the devices (S1, S2), the log (S7), then listeners. */
  const apply = (
    event: SceneEvent,
    result: { state: SceneState; effects: readonly Effect[] },
    stoppedFirst: boolean,
  ): readonly Effect[] => {
    ({ state } = result);
    const { effects } = result;
    carryOut(effects, ports.devices, stoppedFirst);
    ports.log.append(event);
    const report: StepReport = { event, effects, state };
    for (const listener of listeners) listener(report);
    return effects;
  };

  /** The core's step; a broken invariant in it must not leave toys running (S5). */
  const take = (event: SceneEvent) => {
    try {
      return step(state, event);
    } catch (error) {
      ports.devices.stopAll();
      throw error;
    }
  };

  const dispatch = (event: SceneEvent, stopSent = false): readonly Effect[] => {
    // S1: a certain stop (a red, a withdrawal) goes to the devices before the core even folds
    // the event; the step then confirms it with stop-all first, which is not sent twice.
    const stoppedFirst = stopSent || stopsAtOnce(state, event);
    if (stoppedFirst && !stopSent) ports.devices.stopAll();
    return apply(event, take(event), stoppedFirst);
  };

  const flush = () => {
    for (let next = deferred.shift(); next !== undefined; next = deferred.shift())
      dispatch(next.event, next.stopSent);
  };

  const submit = (event: SceneEvent) => {
    const stopNow = stopsAtOnce(state, event);
    if (deferred.length === 0 && !stopNow) {
      dispatch(event);
      return;
    }
    // A stop is never harmful, so a red queued behind another event is sent at once too.
    const stopSent = stopNow || isStopRequest(event);
    if (stopSent) ports.devices.stopAll();
    deferred.push({ event, stopSent });
    if (deferred.length === 1) defer(flush);
  };

  return {
    get state() {
      return state;
    },
    get stopPending() {
      return deferred.some((d) => d.stopSent);
    },
    dispatch: (event) => {
      // Whatever waits was submitted earlier, so it folds first: the order is the log's (S7).
      flush();
      return dispatch(event);
    },
    submit,
    offer(event) {
      if (deferred.length > 0 || stopsAtOnce(state, event)) {
        submit(event);
        return null;
      }
      const result = take(event);
      const rejected = result.effects.find((e) => e.type === 'rejected' && e.event === event.type);
      if (rejected?.type === 'rejected') return rejected.reason;
      apply(event, result, false);
      return null;
    },
    flush,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Device work only: stop-all before anything else (S1), then outputs in the core's order. */
function carryOut(effects: readonly Effect[], devices: DevicePort, stoppedFirst: boolean): void {
  if (!stoppedFirst && effects.some((e) => e.type === 'stop-all')) devices.stopAll();
  for (const effect of effects) {
    if (effect.type === 'output') devices.setOutput(effect.device, effect.feature, effect.value);
  }
}
