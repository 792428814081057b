import type { CatalogueDevice, CatalogueFeature, InputType, OutputType, Range } from './catalogue';
import { notify } from './notify';
import type { DeviceInfo, DeviceFeatureInfo } from './protocol';

/**
 * The simulated toys behind the server: which devices exist under which index, and what each
 * output was last told. No sockets here; the session checks commands before they arrive.
 */

/** What made an output change. */
export type OutputCause =
  | 'OutputCmd'
  | 'StopCmd'
  | 'client-disconnected'
  | 'ping-timeout'
  | 'device-removed'
  | 'server-stopped';

/** One output of one feature, as the toy would be running it now. */
export type SimOutput = Readonly<{
  deviceIndex: number;
  deviceName: string;
  featureIndex: number;
  type: OutputType;
  range: Range;
  /** The integer last received, within `range` (negative: a two-way rotator in reverse). */
  value: number;
  /**
   * Share of the range, 0–1. For speeds: |value| / the end of the range on its side, so 0 is
   * stopped and a full-speed reverse is 1. For positions: (value - min) / (max - min).
   */
  fraction: number;
  /** HwPositionWithDuration only: the duration of the last move, in ms. */
  duration?: number;
}>;

export type OutputChange = SimOutput & Readonly<{ previous: number; cause: OutputCause }>;
export type OutputListener = (change: OutputChange) => void;

export type SimDevice = Readonly<{
  index: number;
  name: string;
  protocol: string;
  messageGapMs: number;
  features: readonly CatalogueFeature[];
}>;

type OutputState = { -readonly [K in keyof SimOutput]: SimOutput[K] };
type Entry = { device: SimDevice; outputs: OutputState[]; inputs: Map<string, number> };

const POSITIONS: readonly OutputType[] = ['Position', 'HwPositionWithDuration'];

export function fractionOf(type: OutputType, value: number, [min, max]: Range): number {
  if (POSITIONS.includes(type)) return max === min ? 0 : (value - min) / (max - min);
  if (value > 0) return max > 0 ? value / max : 0;
  if (value < 0) return min < 0 ? value / min : 0;
  return 0;
}

const inputKey = (featureIndex: number, type: InputType) => `${featureIndex}/${type}`;

export function createDeviceSet() {
  const entries = new Map<number, Entry>();
  const listeners = new Set<OutputListener>();
  let nextIndex = 0;

  const entry = (index: number): Entry => {
    const found = entries.get(index);
    if (found === undefined) throw new Error(`no simulated device ${index}`);
    return found;
  };
  const featureOf = (deviceIndex: number, featureIndex: number) =>
    entries.get(deviceIndex)?.device.features.find((f) => f.index === featureIndex);
  const report = (changed: [OutputState, number][], cause: OutputCause) => {
    for (const [output, previous] of changed) {
      notify(listeners, { ...output, previous, cause });
    }
  };
  /** Every output in scope goes to zero before any listener hears of it (S1). */
  const zero = (outputs: Iterable<OutputState>, cause: OutputCause) => {
    const changed: [OutputState, number][] = [];
    for (const output of outputs) {
      if (output.value === 0) continue;
      changed.push([output, output.value]);
      output.value = 0;
      output.fraction = fractionOf(output.type, 0, output.range);
      delete output.duration;
    }
    report(changed, cause);
  };

  return {
    /** Adds a device under the next index never used before (as Intiface numbers new devices). */
    add(definition: CatalogueDevice): SimDevice {
      const index = nextIndex++;
      const device: SimDevice = {
        index,
        name: definition.name,
        protocol: definition.protocol,
        messageGapMs: definition.messageGapMs ?? 0,
        features: definition.features,
      };
      const outputs: OutputState[] = [];
      const inputs = new Map<string, number>();
      for (const feature of definition.features) {
        for (const [type, spec] of Object.entries(feature.output ?? {}) as [
          OutputType,
          { value: Range },
        ][]) {
          const deviceName = device.name;
          const range = spec.value;
          outputs.push({
            deviceIndex: index,
            deviceName,
            featureIndex: feature.index,
            type,
            range,
            value: 0,
            fraction: 0,
          });
        }
        for (const [type, spec] of Object.entries(feature.input ?? {}) as [
          InputType,
          { value: Range },
        ][]) {
          // A full battery; a sensor at rest.
          inputs.set(
            inputKey(feature.index, type),
            type === 'Battery' ? spec.value[1] : spec.value[0],
          );
        }
      }
      entries.set(index, { device, outputs, inputs });
      return device;
    },

    /** Removes a device; its outputs stop first. */
    remove(index: number): SimDevice | undefined {
      const found = entries.get(index);
      if (found === undefined) return undefined;
      zero(found.outputs, 'device-removed');
      entries.delete(index);
      return found.device;
    },

    get: (index: number): SimDevice | undefined => entries.get(index)?.device,
    list: (): SimDevice[] => [...entries.values()].map((e) => e.device),

    feature: (deviceIndex: number, featureIndex: number): CatalogueFeature | undefined =>
      featureOf(deviceIndex, featureIndex),

    /** Sets one output to a value the session has already checked against its range. */
    setOutput(
      deviceIndex: number,
      featureIndex: number,
      type: OutputType,
      value: number,
      duration: number | undefined,
      cause: OutputCause,
    ): void {
      const output = entry(deviceIndex).outputs.find(
        (o) => o.featureIndex === featureIndex && o.type === type,
      );
      if (output === undefined) throw new Error(`no output ${deviceIndex}/${featureIndex}/${type}`);
      const previous = output.value;
      if (duration === undefined) delete output.duration;
      else output.duration = duration;
      if (previous === value) return;
      output.value = value;
      output.fraction = fractionOf(type, value, output.range);
      report([[output, previous]], cause);
    },

    /** Stops every output, one device's, or one feature's. */
    stop(cause: OutputCause, deviceIndex?: number, featureIndex?: number): void {
      const scope = deviceIndex === undefined ? [...entries.values()] : [entry(deviceIndex)];
      const outputs = scope.flatMap((e) => e.outputs);
      zero(
        featureIndex === undefined
          ? outputs
          : outputs.filter((o) => o.featureIndex === featureIndex),
        cause,
      );
    },

    outputs(): SimOutput[] {
      return [...entries.values()].flatMap((e) => e.outputs.map((o) => ({ ...o })));
    },

    input(deviceIndex: number, featureIndex: number, type: InputType): number {
      const value = entry(deviceIndex).inputs.get(inputKey(featureIndex, type));
      if (value === undefined) throw new Error(`no input ${deviceIndex}/${featureIndex}/${type}`);
      return value;
    },

    setInput(deviceIndex: number, featureIndex: number, type: InputType, value: number): void {
      const spec = featureOf(deviceIndex, featureIndex)?.input?.[type];
      if (spec === undefined) throw new Error(`no input ${deviceIndex}/${featureIndex}/${type}`);
      const [min, max] = spec.value;
      if (!Number.isInteger(value) || value < min || value > max)
        throw new Error(`input ${type} takes an integer in [${min}, ${max}], not ${value}`);
      entry(deviceIndex).inputs.set(inputKey(featureIndex, type), value);
    },

    /** The DeviceList message's Devices, keyed by device index. */
    deviceInfo(): Record<string, DeviceInfo> {
      const devices: Record<string, DeviceInfo> = {};
      for (const { device } of entries.values()) {
        const features: Record<string, DeviceFeatureInfo> = {};
        for (const f of device.features) features[String(f.index)] = featureInfo(f);
        devices[String(device.index)] = {
          DeviceName: device.name,
          DeviceIndex: device.index,
          DeviceMessageTimingGap: device.messageGapMs,
          DeviceFeatures: features,
        };
      }
      return devices;
    },

    onOutput(listener: OutputListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type DeviceSet = ReturnType<typeof createDeviceSet>;

function featureInfo(feature: CatalogueFeature): DeviceFeatureInfo {
  const info: DeviceFeatureInfo = { FeatureDescription: '', FeatureIndex: feature.index };
  if (feature.output !== undefined) {
    const output: NonNullable<DeviceFeatureInfo['Output']> = {};
    for (const [type, spec] of Object.entries(feature.output) as [
      OutputType,
      { value: Range; duration?: Range },
    ][]) {
      output[type] =
        spec.duration === undefined
          ? { Value: spec.value }
          : { Value: spec.value, Duration: spec.duration };
    }
    info.Output = output;
  }
  if (feature.input !== undefined) {
    const input: NonNullable<DeviceFeatureInfo['Input']> = {};
    for (const [type, spec] of Object.entries(feature.input) as [
      InputType,
      { value: Range; command: string[] },
    ][]) {
      input[type] = { Value: [spec.value], Command: [...spec.command] };
    }
    info.Input = input;
  }
  return info;
}
