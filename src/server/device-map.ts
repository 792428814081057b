import { featureKey, type DeviceSpec, type FeatureKey, type Result } from '../core';
import type { DevicePort } from '../devices/port';

/**
 * A scene names its devices itself (`wand/vibrate`); a device server names them its own way
 * (`lovense-lush-0/vibrate-0`). A device map links the two, so the scene, its log and its output
 * keep the scene's names whatever toys happen to be connected.
 */
export type FeatureLink = Readonly<{
  device: string;
  feature: string;
  to: Readonly<{ device: string; feature: string }>;
}>;

export type DeviceMap = Readonly<{
  /** One link per scene feature, in the scene's order. */
  links: readonly FeatureLink[];
  /** The scene device a server device stands for, if it was taken. */
  sceneDeviceOf(serverDevice: string): string | undefined;
}>;

/**
 * Each wanted device, in order, takes the first unused offered device that has, for each of its
 * features in order, an unused output of the same kind. Greedy on purpose: the result is easy to
 * predict from the two lists, which matters more here than fitting every possible case.
 */
export function mapDevices(
  wanted: readonly DeviceSpec[],
  offered: readonly DeviceSpec[],
): Result<DeviceMap> {
  const links: FeatureLink[] = [];
  const taken = new Map<string, string>();
  for (const device of wanted) {
    const found = offered
      .filter((o) => !taken.has(o.id))
      .map((o) => fit(device, o))
      .find((fitted) => fitted !== null);
    if (found === undefined)
      return {
        ok: false,
        errors: [
          `no device on the server is left for ${describe(device)}`,
          `the scenario needs: ${wanted.map(describe).join('; ')}`,
          `the server offers: ${offered.length === 0 ? 'no devices' : offered.map(describe).join('; ')}`,
        ],
      };
    taken.set(found.device, device.id);
    links.push(...found.links);
  }
  return { ok: true, value: { links, sceneDeviceOf: (id) => taken.get(id) } };
}

/** Links for every wanted feature, in order, or null if the offered device lacks one. */
function fit(
  wanted: DeviceSpec,
  offered: DeviceSpec,
): { device: string; links: FeatureLink[] } | null {
  const used = new Set<string>();
  const links: FeatureLink[] = [];
  for (const feature of wanted.features) {
    const output = offered.features.find((f) => f.kind === feature.kind && !used.has(f.id));
    if (output === undefined) return null;
    used.add(output.id);
    links.push({
      device: wanted.id,
      feature: feature.id,
      to: { device: offered.id, feature: output.id },
    });
  }
  return { device: offered.id, links };
}

function describe(device: DeviceSpec): string {
  return `${device.id} (${device.features.map((f) => f.kind).join(', ')})`;
}

/**
 * The scene's port onto a server's devices: the same calls, under the server's names. A scene
 * feature without a link is a broken invariant (the scene was built from the mapped devices).
 */
export function translatePort(port: DevicePort, map: DeviceMap): DevicePort {
  const byKey = new Map<FeatureKey, FeatureLink['to']>(
    map.links.map((link) => [featureKey(link.device, link.feature), link.to]),
  );
  return {
    stopAll() {
      port.stopAll();
    },
    setOutput(device, feature, value) {
      const to = byKey.get(featureKey(device, feature));
      if (to === undefined) throw new Error(`no device mapped for ${featureKey(device, feature)}`);
      port.setOutput(to.device, to.feature, value);
    },
  };
}
