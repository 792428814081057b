import { describe, expect, it } from 'vitest';
import type { GovernedLevel } from '../../core';
import { contractDevices, devicePortContract } from '../port.contract';
import { createSimulatedDevices, type DeviceChange } from './simulated-device';

const level = (value: number) => value as GovernedLevel;

devicePortContract('the simulated device set', (specs) => {
  const devices = createSimulatedDevices(specs);
  return { port: devices, levelOf: (d, f) => devices.level(d, f) };
});

describe('createSimulatedDevices', () => {
  it('reports every change of level, and only changes', () => {
    const devices = createSimulatedDevices(contractDevices);
    const changes: DeviceChange[] = [];
    devices.onChange((c) => changes.push(c));
    devices.setOutput('wand', 'vibrate', level(0.4));
    devices.setOutput('wand', 'vibrate', level(0.4));
    devices.setOutput('duo', 'rotate', level(0.1));
    devices.stopAll();
    devices.stopAll();
    expect(changes).toEqual([
      { device: 'wand', feature: 'vibrate', value: 0.4, previous: 0, via: 'set' },
      { device: 'duo', feature: 'rotate', value: 0.1, previous: 0, via: 'set' },
      { device: 'wand', feature: 'vibrate', value: 0, previous: 0.4, via: 'stop-all' },
      { device: 'duo', feature: 'rotate', value: 0, previous: 0.1, via: 'stop-all' },
    ]);
  });

  it('S1: every output is at zero before the first listener hears of the stop', () => {
    const devices = createSimulatedDevices(contractDevices);
    devices.setOutput('wand', 'vibrate', level(0.4));
    devices.setOutput('duo', 'rotate', level(0.1));
    const seen: Record<string, number>[] = [];
    devices.onChange(() => seen.push({ ...devices.levels() }));
    devices.stopAll();
    expect(seen[0]).toEqual({ 'wand/vibrate': 0, 'duo/vibrate': 0, 'duo/rotate': 0 });
  });

  it('stops reporting to a listener that unsubscribed', () => {
    const devices = createSimulatedDevices(contractDevices);
    const changes: DeviceChange[] = [];
    const unsubscribe = devices.onChange((c) => changes.push(c));
    unsubscribe();
    devices.setOutput('wand', 'vibrate', level(0.4));
    expect(changes).toEqual([]);
  });

  it('S2: refuses a level outside 0–1 even if something forged the type', () => {
    const devices = createSimulatedDevices(contractDevices);
    for (const bad of [1.01, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => {
        devices.setOutput('wand', 'vibrate', level(bad));
      }).toThrow(/outside 0–1/);
    }
    expect(devices.level('wand', 'vibrate')).toBe(0);
  });

  it('throws for an output it does not have, and for two outputs with the same name', () => {
    const devices = createSimulatedDevices(contractDevices);
    expect(() => {
      devices.setOutput('wand', 'rotate', level(0.1));
    }).toThrow(/no output wand\/rotate/);
    const twice = [contractDevices[0], contractDevices[0]].filter((d) => d !== undefined);
    expect(() => createSimulatedDevices(twice)).toThrow(/duplicate output/);
  });
});
