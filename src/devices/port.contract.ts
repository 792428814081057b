import { describe, expect, it } from 'vitest';
import type { DeviceSpec, GovernedLevel } from '../core';
import type { DevicePort } from './port';

/**
 * The rules every device adapter keeps, as one suite each adapter's tests run against it
 * (STYLE.md: one contract suite for every adapter). `levelOf` reads what reached the toy.
 */
export type AdapterUnderTest = Readonly<{
  port: DevicePort;
  levelOf(device: string, feature: string): number;
}>;

export const contractDevices: DeviceSpec[] = [
  { id: 'wand', name: 'Wand', features: [{ id: 'vibrate', kind: 'vibrate' }] },
  {
    id: 'duo',
    name: 'Duo',
    features: [
      { id: 'vibrate', kind: 'vibrate' },
      { id: 'rotate', kind: 'rotate' },
    ],
  },
];

/** Tests may make levels by hand; in the product only the governor does. */
const level = (value: number) => value as GovernedLevel;

export function devicePortContract(name: string, make: (specs: DeviceSpec[]) => AdapterUnderTest) {
  describe(`${name} keeps the device port contract`, () => {
    it('sets an output to the level it is given', () => {
      const { port, levelOf } = make(contractDevices);
      port.setOutput('duo', 'rotate', level(0.25));
      expect(levelOf('duo', 'rotate')).toBe(0.25);
      expect(levelOf('duo', 'vibrate')).toBe(0);
    });

    it('S1: stopAll brings every output to zero at once, without a promise to await', () => {
      const { port, levelOf } = make(contractDevices);
      port.setOutput('wand', 'vibrate', level(0.6));
      port.setOutput('duo', 'vibrate', level(0.3));
      port.setOutput('duo', 'rotate', level(0.2));
      // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression -- the point: nothing, no promise, comes back
      const returned: unknown = port.stopAll();
      expect(returned).toBeUndefined();
      for (const device of contractDevices) {
        for (const feature of device.features) expect(levelOf(device.id, feature.id)).toBe(0);
      }
    });

    it('S1: stopAll is safe to repeat and when everything is already at zero', () => {
      const { port, levelOf } = make(contractDevices);
      port.stopAll();
      port.stopAll();
      expect(levelOf('wand', 'vibrate')).toBe(0);
    });

    it('takes new levels after a stop (the scene decides whether any are allowed)', () => {
      const { port, levelOf } = make(contractDevices);
      port.setOutput('wand', 'vibrate', level(0.5));
      port.stopAll();
      port.setOutput('wand', 'vibrate', level(0.1));
      expect(levelOf('wand', 'vibrate')).toBe(0.1);
    });
  });
}
