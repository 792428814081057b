import { describe, expect, it } from 'vitest';
import type { SceneEvent } from '../core';
import type { DeviceAdapter, DeviceAdapterEvent, DeviceAdapterListener } from '../devices/adapter';
import { bridgeDevices } from './device-bridge';
import { mapDevices } from './device-map';

/** An adapter that only hears: the test plays the device server's part. */
function fakeAdapter() {
  const listeners = new Set<DeviceAdapterListener>();
  const adapter: DeviceAdapter = {
    name: 'fake',
    connect: () => Promise.resolve({ ok: true, devices: [] }),
    close: () => Promise.resolve(),
    confirmStop: () => Promise.resolve({ ok: true as const }),
    stopAll: () => undefined,
    setOutput: () => undefined,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const send = (event: DeviceAdapterEvent) => {
    for (const listener of listeners) listener(event);
  };
  return { adapter, send, listening: () => listeners.size };
}

const vib = [{ id: 'vibrate-0', kind: 'vibrate' as const }];
const map = mapDevices(
  [
    { id: 'wand', name: 'Wand', features: [{ id: 'v', kind: 'vibrate' }] },
    { id: 'egg', name: 'Egg', features: [{ id: 'v', kind: 'vibrate' }] },
  ],
  [
    { id: 'lush-0', name: 'Lush', features: vib },
    { id: 'lush-1', name: 'Lush', features: vib },
    { id: 'spare-2', name: 'Spare', features: vib },
  ],
);

function setUp() {
  if (!map.ok) throw new Error(map.errors.join('\n'));
  const fake = fakeAdapter();
  const events: SceneEvent[] = [];
  const reports: string[] = [];
  let lostConnection = 0;
  const detach = bridgeDevices(fake.adapter, {
    map: map.value,
    dispatch: (event) => events.push(event),
    now: () => 1234,
    report: (message) => reports.push(message),
    onConnectionLost: () => {
      lostConnection += 1;
    },
  });
  return { ...fake, events, reports, detach, lostConnection: () => lostConnection };
}

describe('bridgeDevices', () => {
  it('[S1] a lost device becomes device.lost from the system, under the scene’s name, once', () => {
    const { send, events, reports } = setUp();
    send({ type: 'device-lost', device: 'lush-1', reason: 'removed from the device server' });
    send({ type: 'device-lost', device: 'lush-1', reason: 'again' });
    send({ type: 'device-lost', device: 'spare-2', reason: 'not in this scene' });
    expect(events).toEqual([{ type: 'device.lost', at: 1234, by: 'system', device: 'egg' }]);
    expect(reports[0]).toBe('egg (lush-1) was lost: removed from the device server');
  });

  it('[S5] a lost connection loses every mapped device, then says so', () => {
    const { send, events, lostConnection } = setUp();
    send({ type: 'device-lost', device: 'lush-0', reason: 'out of range' });
    send({ type: 'connection-lost', reason: 'the device server closed the connection' });
    expect(events.map((e) => (e.type === 'device.lost' ? e.device : e.type))).toEqual([
      'wand',
      'egg',
    ]);
    expect(lostConnection()).toBe(1);
  });

  it('[S6] reports errors and a reconnection in words, and dispatches nothing for them', () => {
    const { send, events, reports } = setUp();
    send({ type: 'error', message: 'stop not confirmed: no answer within 3000 ms' });
    send({ type: 'reconnected' });
    send({ type: 'devices', devices: [] });
    expect(events).toEqual([]);
    expect(reports).toEqual([
      'stop not confirmed: no answer within 3000 ms',
      'connected to the device server again; nothing resumes by itself',
    ]);
  });

  it('detaches', () => {
    const { detach, listening } = setUp();
    detach();
    expect(listening()).toBe(0);
  });
});
