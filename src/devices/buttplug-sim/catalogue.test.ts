import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PATH, findDevice, loadCatalogue } from './catalogue';
import { closeMatches } from './close-matches';
import { missingKinds } from './derive-catalogue';
import { createDeviceSet } from './device-set';
import { checkV4Frame } from './schema';
import { DEFAULT_SIM_DEVICES } from './server';

/** data/buttplug/devices.json: what the simulated server can present. */
describe('the device catalogue', () => {
  const catalogue = loadCatalogue();

  it('loads, is well-formed and stays small', () => {
    expect(catalogue.devices.length).toBeGreaterThan(100);
    expect(statSync(CATALOGUE_PATH).size).toBeLessThan(64 * 1024);
    expect(catalogue.source).toMatchObject({ file: 'buttplug-device-config-v4.json' });
    // Written one device per line, so a change to one device is a one-line diff.
    const lines = readFileSync(CATALOGUE_PATH, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(catalogue.devices.length + 5);
  });

  it('has at least one device of every kind Redline drives or reads', () => {
    expect(missingKinds(catalogue)).toEqual([]);
  });

  it('gives every device at least one output or input, with sane integer ranges', () => {
    for (const device of catalogue.devices) {
      const features = device.features.filter((f) => f.output ?? f.input);
      expect(features.length, device.name).toBeGreaterThan(0);
      for (const feature of device.features) {
        for (const [type, spec] of Object.entries(feature.output ?? {})) {
          const [min, max] = spec.value;
          expect(max, `${device.name} ${type}`).toBeGreaterThan(0);
          // Speeds start at 0; only a two-way rotator goes below, symmetrically.
          expect(min === 0 || (type === 'Rotate' && min === -max), `${device.name} ${type}`).toBe(
            true,
          );
        }
      }
    }
  });

  it('includes the default devices: a vibrator and a two-way rotator', () => {
    const [vibrator, rotator] = DEFAULT_SIM_DEVICES.map((name) => findDevice(name));
    expect(vibrator?.features[0]?.output?.Vibrate?.value).toEqual([0, 20]);
    expect(rotator?.features.some((f) => f.output?.Rotate?.value[0] === -20)).toBe(true);
  });

  it('finds names ignoring case, and suggests close ones', () => {
    expect(findDevice('  lovense LUSH ')?.name).toBe('Lovense Lush');
    expect(findDevice('Lovense Lush 9')).toBeUndefined();
    const names = catalogue.devices.map((d) => d.name);
    expect(closeMatches('nora', names)).toEqual(['Lovense Nora']);
    expect(closeMatches('Lovence Hush', names)[0]).toBe('Lovense Hush');
    expect(closeMatches('handy', names)).toContain('The Handy');
    expect(closeMatches('zzzz', names)).toEqual([]);
  });

  it('makes a DeviceList the official schema accepts, for every device at once', () => {
    const set = createDeviceSet();
    for (const device of catalogue.devices) set.add(device);
    expect(checkV4Frame([{ DeviceList: { Id: 0, Devices: set.deviceInfo() } }])).toBeNull();
  });
});
