import { featureKey, type DeviceSpec, type FeatureKey, type GovernedLevel } from '../../core';
import type { DevicePort } from '../port';

/** One change of what reached a simulated toy, and which port call made it. */
export type DeviceChange = Readonly<{
  device: string;
  feature: string;
  value: number;
  previous: number;
  via: 'stop-all' | 'set';
}>;
export type DeviceChangeListener = (change: DeviceChange) => void;

/** An in-process device set for demos and tests: it holds each output's level and reports changes. */
export type SimulatedDevices = DevicePort & {
  /** The level an output is at now; throws for an output that does not exist. */
  level(device: string, feature: string): number;
  /** Every output's level, keyed `device/feature`. */
  levels(): Readonly<Record<FeatureKey, number>>;
  /** Reports every change as it happens; returns a function that unsubscribes. */
  onChange(listener: DeviceChangeListener): () => void;
};

type Output = { device: string; feature: string; value: number };

export function createSimulatedDevices(specs: readonly DeviceSpec[]): SimulatedDevices {
  const outputs = new Map<FeatureKey, Output>();
  for (const device of specs) {
    for (const feature of device.features) {
      const key = featureKey(device.id, feature.id);
      // Two outputs sharing a key would silently drive each other: a broken invariant.
      if (outputs.has(key)) throw new Error(`duplicate output ${key}`);
      outputs.set(key, { device: device.id, feature: feature.id, value: 0 });
    }
  }
  const listeners = new Set<DeviceChangeListener>();
  const find = (device: string, feature: string): Output => {
    const output = outputs.get(featureKey(device, feature));
    if (output === undefined) throw new Error(`no output ${featureKey(device, feature)}`);
    return output;
  };
  const report = (output: Output, previous: number, via: DeviceChange['via']) => {
    const { device, feature, value } = output;
    for (const listener of listeners) listener({ device, feature, value, previous, via });
  };

  return {
    stopAll() {
      // Every output is at zero before anyone hears of it, so no listener can delay the stop.
      const changed: [Output, number][] = [];
      for (const output of outputs.values()) {
        if (output.value !== 0) changed.push([output, output.value]);
        output.value = 0;
      }
      for (const [output, previous] of changed) report(output, previous, 'stop-all');
    },
    setOutput(device: string, feature: string, value: GovernedLevel) {
      // The type already says "governed"; a real toy must never see NaN or 7, so check anyway.
      if (!Number.isFinite(value) || value < 0 || value > 1)
        throw new Error(`refusing level ${value} for ${featureKey(device, feature)}: outside 0–1`);
      const output = find(device, feature);
      const previous = output.value;
      if (previous === value) return;
      output.value = value;
      report(output, previous, 'set');
    },
    level: (device, feature) => find(device, feature).value,
    levels() {
      const out: Record<FeatureKey, number> = {};
      for (const [key, output] of outputs) out[key] = output.value;
      return out;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
