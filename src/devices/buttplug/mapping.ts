import { OutputType, type ButtplugClientDevice } from 'buttplug';
import type { DeviceSpec, FeatureSpec, OutputKind } from '../../core';

/**
 * How Buttplug devices appear to a scene, and how a governed level becomes the integer a device
 * takes. Facts: ../../../../shared/buttplug/README.md (spec v4: integer values within each
 * feature's [min, max]; the client's percent() rounds up and its percent(0) on a two-way rotator
 * means full speed in reverse — so Redline computes integers itself).
 */

const KIND_OF: Partial<Record<OutputType, OutputKind>> = {
  [OutputType.Vibrate]: 'vibrate',
  [OutputType.Rotate]: 'rotate',
  [OutputType.Oscillate]: 'oscillate',
  [OutputType.Constrict]: 'constrict',
  [OutputType.Position]: 'position',
  [OutputType.Temperature]: 'temperature',
};

/** One output of one Buttplug device, as the adapter drives it. */
export type MappedOutput = Readonly<{
  featureId: string;
  kind: OutputKind;
  featureIndex: number;
  type: OutputType;
  range: readonly [number, number];
}>;

export type MappedDevice = Readonly<{
  id: string;
  index: number;
  spec: DeviceSpec;
  outputs: readonly MappedOutput[];
  timingGapMs: number;
}>;

/**
 * The integer for a level, rounded DOWN so a rounding never exceeds a ceiling. Levels map onto
 * the non-negative part of the range: on a two-way rotator [-20, 20], 0 is stopped and 1 is full
 * forward; Redline never asks for reverse.
 */
export function toDeviceValue(level: number, range: readonly [number, number]): number {
  const [min, max] = range;
  const low = Math.max(min, 0);
  if (!(level > 0) || max <= low) return low;
  const clamped = Math.min(level, 1);
  return Math.min(max, low + Math.floor(clamped * (max - low) + 1e-9));
}

/** A readable id that stays the same while the device stays: `lovense-hush-0`. */
export function deviceId(name: string, index: number): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug === '' ? 'device' : slug}-${index}`;
}

/** The scene's view of a device, or null when it has no output Redline can govern. */
export function mapDevice(device: ButtplugClientDevice, minGapMs: number): MappedDevice | null {
  const outputs: MappedOutput[] = [];
  for (const feature of device.features.values()) {
    for (const output of feature.outputs.values()) {
      const kind = KIND_OF[output.type];
      if (kind === undefined) continue;
      outputs.push({
        featureId: `${kind}-${feature.index}`,
        kind,
        featureIndex: feature.index,
        type: output.type,
        range: [output.valueRange[0], output.valueRange[1]],
      });
    }
  }
  if (outputs.length === 0) return null;
  const id = deviceId(device.displayName ?? device.name, device.index);
  const features: FeatureSpec[] = outputs.map((o) => ({ id: o.featureId, kind: o.kind }));
  return {
    id,
    index: device.index,
    spec: { id, name: (device.displayName ?? device.name).slice(0, 120), features },
    outputs,
    timingGapMs: Math.max(minGapMs, device.messageTimingGap ?? 0),
  };
}
