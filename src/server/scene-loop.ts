import {
  createScene,
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

export type SceneLoopPorts = Readonly<{ devices: DevicePort; log: EventLog }>;

export type SceneLoop = {
  readonly state: SceneState;
  /** Folds one event in and carries out what it decided; returns the effects, in order. */
  dispatch(event: SceneEvent): readonly Effect[];
  /** Hears every step after it was carried out; returns a function that unsubscribes. */
  subscribe(listener: StepListener): () => void;
};

/**
 * The per-scene loop: the one place that feeds events to the core and carries out its decisions.
 * It does IO only through its ports. Per step, in this order: stop-all (S1), then outputs, then
 * the log (S7), then listeners — so a stop never waits on storage, rendering or a reply.
 */
export function createSceneLoop(created: CreatedEvent, ports: SceneLoopPorts): SceneLoop {
  let state = createScene(created).state;
  ports.log.append(created);
  const listeners = new Set<StepListener>();

  const dispatch = (event: SceneEvent): readonly Effect[] => {
    // S1: a certain stop (a red, a withdrawal) goes to the devices before the core even folds
    // the event; the step then confirms it with stop-all first, which is not sent twice.
    const stoppedFirst = stopsAtOnce(state, event);
    if (stoppedFirst) ports.devices.stopAll();
    let effects: readonly Effect[];
    try {
      ({ state, effects } = step(state, event));
    } catch (error) {
      // A broken invariant in the core must not leave toys running (S5): stop, then fail loudly.
      ports.devices.stopAll();
      throw error;
    }
    carryOut(effects, ports.devices, stoppedFirst);
    ports.log.append(event);
    const report: StepReport = { event, effects, state };
    for (const listener of listeners) listener(report);
    return effects;
  };

  return {
    get state() {
      return state;
    },
    dispatch,
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
