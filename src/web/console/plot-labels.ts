import type { DeviceSpec } from '../../core/scene/events';
import { formatDuration } from '../words/format';

/**
 * Words for the intensity plot: each output by its device's name and kind, and the time axis in
 * whole seconds since the scene started.
 */
export type PlotOutput = Readonly<{ key: string; label: string }>;

/**
 * "Lovense Lush · vibrate" for each output, in the view's order. A device with two outputs of the
 * same kind numbers them ("vibrate 1", "vibrate 2") so no two labels read alike.
 */
export function plotOutputs(devices: readonly DeviceSpec[]): readonly PlotOutput[] {
  return devices.flatMap((device) => {
    const perKind = new Map<string, number>();
    for (const f of device.features) perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + 1);
    const seen = new Map<string, number>();
    return device.features.map((feature) => {
      const n = (seen.get(feature.kind) ?? 0) + 1;
      seen.set(feature.kind, n);
      const kind = (perKind.get(feature.kind) ?? 0) > 1 ? `${feature.kind} ${n}` : feature.kind;
      return { key: `${device.id}/${feature.id}`, label: `${device.name} · ${kind}` };
    });
  });
}

/** Tick steps for the time axis, in ms: whole seconds only, so two ticks never read the same. */
export const TIME_TICK_STEPS_MS = [
  1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
];

/** Tick labels as m:ss; a label that repeats its neighbour (a rounding edge) is left blank. */
export function timeTickLabels(ticksMs: readonly number[]): string[] {
  let previous = '';
  return ticksMs.map((t) => {
    const label = formatDuration(t);
    if (label === previous) return '';
    previous = label;
    return label;
  });
}
