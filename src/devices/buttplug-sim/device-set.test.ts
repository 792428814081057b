import { describe, expect, it } from 'vitest';
import { findDevice, type CatalogueDevice } from './catalogue';
import { createDeviceSet, fractionOf, type OutputChange, type SimOutput } from './device-set';

function device(name: string): CatalogueDevice {
  const found = findDevice(name);
  if (found === undefined) throw new Error(`no ${name} in the catalogue`);
  return found;
}

const values = (outputs: readonly SimOutput[]) => outputs.map((o) => o.value);

describe('fractionOf', () => {
  it('is the share of full power for speeds, in either direction', () => {
    expect(fractionOf('Vibrate', 5, [0, 20])).toBe(0.25);
    expect(fractionOf('Rotate', -20, [-20, 20])).toBe(1);
    expect(fractionOf('Rotate', 10, [-20, 20])).toBe(0.5);
    expect(fractionOf('Rotate', 0, [-20, 20])).toBe(0);
  });

  it('is the place along the range for positions', () => {
    expect(fractionOf('HwPositionWithDuration', 25, [0, 100])).toBe(0.25);
    expect(fractionOf('Position', 0, [0, 1000])).toBe(0);
  });
});

describe('createDeviceSet', () => {
  it('S1: a stop zeroes every output before the first listener hears of it', () => {
    const set = createDeviceSet();
    set.add(device('Lovense Lush'));
    set.add(device('Lovense Nora'));
    set.setOutput(0, 0, 'Vibrate', 20, undefined, 'OutputCmd');
    set.setOutput(1, 1, 'Rotate', -3, undefined, 'OutputCmd');
    const seen: number[][] = [];
    const changes: OutputChange[] = [];
    set.onOutput((change) => {
      seen.push(values(set.outputs()));
      changes.push(change);
    });
    set.stop('StopCmd');
    expect(seen).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(
      changes.map((c) => [c.deviceIndex, c.featureIndex, c.previous, c.value, c.cause]),
    ).toEqual([
      [0, 0, 20, 0, 'StopCmd'],
      [1, 1, -3, 0, 'StopCmd'],
    ]);
  });

  it('reports changes only, and each with its cause', () => {
    const set = createDeviceSet();
    set.add(device('Lovense Lush'));
    const changes: OutputChange[] = [];
    set.onOutput((c) => changes.push(c));
    set.setOutput(0, 0, 'Vibrate', 4, undefined, 'OutputCmd');
    set.setOutput(0, 0, 'Vibrate', 4, undefined, 'OutputCmd');
    set.stop('ping-timeout');
    set.stop('ping-timeout');
    expect(changes.map((c) => [c.value, c.fraction, c.cause])).toEqual([
      [4, 0.2, 'OutputCmd'],
      [0, 0, 'ping-timeout'],
    ]);
  });

  it('never reuses an index, and stops a device before removing it', () => {
    const set = createDeviceSet();
    set.add(device('Lovense Lush'));
    set.add(device('Lovense Lush'));
    set.setOutput(1, 0, 'Vibrate', 9, undefined, 'OutputCmd');
    const causes: string[] = [];
    set.onOutput((c) => causes.push(c.cause));
    expect(set.remove(1)?.name).toBe('Lovense Lush');
    expect(causes).toEqual(['device-removed']);
    expect(set.add(device('Lovense Max')).index).toBe(2);
    expect(set.list().map((d) => d.index)).toEqual([0, 2]);
  });

  it('starts a battery full and a pressure sensor at rest', () => {
    const set = createDeviceSet();
    set.add(device('KGoal Boost'));
    expect(set.input(0, 2, 'Battery')).toBe(100);
    expect(set.input(0, 0, 'Pressure')).toBe(0);
    expect(() => {
      set.setInput(0, 0, 'Pressure', 2001);
    }).toThrow(/\[0, 2000\]/);
  });

  it('lists features under their database index with the spec v4 field names', () => {
    const set = createDeviceSet();
    set.add(device('The Handy'));
    expect(set.deviceInfo()).toEqual({
      0: {
        DeviceName: 'The Handy',
        DeviceIndex: 0,
        DeviceMessageTimingGap: 50,
        DeviceFeatures: {
          0: {
            FeatureDescription: '',
            FeatureIndex: 0,
            Output: { HwPositionWithDuration: { Value: [0, 100], Duration: [0, 100000] } },
          },
        },
      },
    });
  });
});
