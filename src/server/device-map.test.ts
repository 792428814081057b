import { describe, expect, it } from 'vitest';
import type { DeviceSpec, GovernedLevel } from '../core';
import type { DevicePort } from '../devices/port';
import { mapDevices, translatePort } from './device-map';

const device = (id: string, ...kinds: DeviceSpec['features'][number]['kind'][]): DeviceSpec => ({
  id,
  name: id,
  features: kinds.map((kind, i) => ({ id: `${kind}-${i}`, kind })),
});
const lush = device('lovense-lush-0', 'vibrate');
const nora = device('lovense-nora-1', 'vibrate', 'rotate');

describe('mapDevices', () => {
  it('each scene device takes the first unused server device with an output of each kind', () => {
    const wand = { id: 'wand', name: 'Wand', features: [{ id: 'buzz', kind: 'vibrate' as const }] };
    const duo = {
      id: 'duo',
      name: 'Duo',
      features: [
        { id: 'spin', kind: 'rotate' as const },
        { id: 'buzz', kind: 'vibrate' as const },
      ],
    };
    const map = mapDevices([wand, duo], [lush, nora]);
    if (!map.ok) throw new Error(map.errors.join('\n'));
    expect(map.value.links).toEqual([
      { device: 'wand', feature: 'buzz', to: { device: 'lovense-lush-0', feature: 'vibrate-0' } },
      { device: 'duo', feature: 'spin', to: { device: 'lovense-nora-1', feature: 'rotate-1' } },
      { device: 'duo', feature: 'buzz', to: { device: 'lovense-nora-1', feature: 'vibrate-0' } },
    ]);
    expect(map.value.sceneDeviceOf('lovense-nora-1')).toBe('duo');
    expect(map.value.sceneDeviceOf('someone-else-2')).toBeUndefined();
  });

  it('never gives one output to two features, nor one server device to two scene devices', () => {
    const twin = device('twin', 'vibrate', 'vibrate');
    expect(mapDevices([twin], [lush, nora])).toMatchObject({ ok: false });
    expect(mapDevices([device('a', 'vibrate'), device('b', 'vibrate')], [nora])).toMatchObject({
      ok: false,
    });
  });

  it('a failure names what the scene needs and what the server offers', () => {
    const result = mapDevices([device('wand', 'vibrate'), device('cuff', 'constrict')], [lush]);
    expect(result).toEqual({
      ok: false,
      errors: [
        'no device on the server is left for cuff (constrict)',
        'the scenario needs: wand (vibrate); cuff (constrict)',
        'the server offers: lovense-lush-0 (vibrate)',
      ],
    });
    expect(mapDevices([lush], [])).toMatchObject({
      ok: false,
      errors: expect.arrayContaining(['the server offers: no devices']) as unknown,
    });
  });
});

describe('translatePort', () => {
  it('passes every call on under the server’s names', () => {
    const calls: string[] = [];
    const port: DevicePort = {
      stopAll: () => calls.push('stopAll'),
      setOutput: (d, f, v) => calls.push(`${d}/${f}=${v}`),
    };
    const map = mapDevices([device('wand', 'vibrate')], [lush]);
    if (!map.ok) throw new Error('no map');
    const translated = translatePort(port, map.value);
    translated.setOutput('wand', 'vibrate-0', 0.25 as GovernedLevel);
    translated.stopAll();
    expect(calls).toEqual(['lovense-lush-0/vibrate-0=0.25', 'stopAll']);
    expect(() => {
      translated.setOutput('other', 'vibrate-0', 0 as GovernedLevel);
    }).toThrow('no device mapped for other/vibrate-0');
  });
});
