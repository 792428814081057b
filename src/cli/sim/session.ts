import type { CreatedEvent, SceneEvent, SceneState } from '../../core';
import {
  createSimulatedDevices,
  type DeviceChange,
} from '../../devices/simulated/simulated-device';
import type { DevicePort } from '../../devices/port';
import type { EventLog } from '../../server/event-log';
import { createSceneLoop, type StepReport } from '../../server/scene-loop';
import { effectRecord, endRecord, sceneRecord, type SimRecord } from './records';
import { eventAction } from './timeline';

export type SessionOptions = Readonly<{
  log: EventLog;
  emit: (record: SimRecord) => void;
  /**
   * Real devices (under the scene's ids) to drive as well. The simulated set still mirrors
   * every call: it is what the `output` records report, so the lines look the same either way.
   */
  devices?: DevicePort;
  /** Hears each change that reaches the simulated device, with the scene as it is then. */
  onDeviceChange?: (change: DeviceChange, state: SceneState) => void;
  /**
   * A live scene (real time): events go through the loop's `submit`, so a red reaches the
   * devices at once and is folded after the process has yielded (src/server/scene-loop.ts).
   */
  live?: boolean;
}>;

export type SimSession = {
  readonly state: SceneState;
  /** True from a red sent to the devices until its event is folded (live scenes only). */
  readonly stopPending: boolean;
  /** Announces the event's action (if it is one), then runs it through the scene loop. */
  dispatch(event: SceneEvent): void;
  emit(record: SimRecord): void;
  /** Emits the closing `end` record. */
  finish(): SceneState;
};

/**
 * One scene on the real scene loop with a simulated device set, turned into output records.
 * `sim` and `replay` both go through here, so the same events always print the same lines.
 */
export function openSession(created: CreatedEvent, options: SessionOptions): SimSession {
  const devices = createSimulatedDevices(created.devices);
  const real = options.devices;
  const loop = createSceneLoop(created, {
    devices: real === undefined ? devices : alongside(real, devices),
    log: options.log,
  });
  const pending: DeviceChange[] = [];
  devices.onChange((change) => {
    pending.push(change);
    options.onDeviceChange?.(change, loop.state);
  });
  loop.subscribe((report) => {
    for (const record of stepRecords(report, pending)) options.emit(record);
    pending.length = 0;
  });
  options.emit(sceneRecord(loop.state));

  return {
    get state() {
      return loop.state;
    },
    get stopPending() {
      return loop.stopPending;
    },
    dispatch(event) {
      const action = eventAction(event);
      if (action !== null) options.emit({ t: event.at, type: 'action', ...action });
      if (options.live === true) loop.submit(event);
      else loop.dispatch(event);
    },
    emit: options.emit,
    finish() {
      loop.flush();
      options.emit(endRecord(loop.state));
      return loop.state;
    },
  };
}

/** Drives both ports; the real one first, so a stop reaches a toy before anything else (S1). */
function alongside(real: DevicePort, mirror: DevicePort): DevicePort {
  return {
    stopAll() {
      real.stopAll();
      mirror.stopAll();
    },
    setOutput(device, feature, value) {
      real.setOutput(device, feature, value);
      mirror.setOutput(device, feature, value);
    },
  };
}

/**
 * A step's records in the order the loop carried them out: stop-all first with the zeros it
 * caused, then the rest; outputs are what the device received (nothing if it was already there).
 */
function stepRecords(report: StepReport, changes: readonly DeviceChange[]): SimRecord[] {
  const records: SimRecord[] = [];
  const reached = (c: DeviceChange, t: number): SimRecord => ({
    t,
    type: 'output',
    device: c.device,
    feature: c.feature,
    value: c.value,
  });
  let used = 0;
  for (const effect of report.effects) {
    if (effect.type === 'output') {
      const change = changes.find(
        (c) => c.via === 'set' && c.device === effect.device && c.feature === effect.feature,
      );
      if (change !== undefined) {
        records.push(reached(change, effect.at));
        used += 1;
      }
      continue;
    }
    records.push(effectRecord(effect));
    if (effect.type === 'stop-all') {
      const zeroed = changes.filter((c) => c.via === 'stop-all');
      for (const change of zeroed) records.push(reached(change, effect.at));
      used += zeroed.length;
    }
  }
  // Every change on the device comes from an effect; anything else would go unreported.
  if (used !== changes.length) throw new Error('a device change came from no effect');
  return records;
}
