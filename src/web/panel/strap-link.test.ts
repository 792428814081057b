import { describe, expect, it, vi } from 'vitest';
import { openStrap } from './strap-link';
import type { Bluetooth, BluetoothDevice, GattCharacteristic, GattServer } from './web-bluetooth';

/** A strap as Web Bluetooth shows it, with the events a real one would fire. */
function fakeStrap(options: { name?: string; failService?: boolean } = {}) {
  let value: DataView | null = null;
  const startNotifications = vi.fn(() => Promise.resolve(characteristic));
  const characteristic: GattCharacteristic = Object.defineProperties(new EventTarget(), {
    // A getter, as a real characteristic's value is: Object.assign would copy it once.
    value: { get: () => value },
    startNotifications: { value: startNotifications },
    stopNotifications: { value: () => Promise.resolve(characteristic) },
  }) as GattCharacteristic;
  let connected = false;
  const disconnect = vi.fn(() => {
    connected = false;
  });
  const server: GattServer = {
    get connected() {
      return connected;
    },
    connect: () => {
      connected = true;
      return Promise.resolve(server);
    },
    disconnect,
    getPrimaryService: (name: string) =>
      options.failService === true || name !== 'heart_rate'
        ? Promise.reject(new Error('no service'))
        : Promise.resolve({
            getCharacteristic: (c: string) =>
              c === 'heart_rate_measurement'
                ? Promise.resolve(characteristic)
                : Promise.reject(new Error('no characteristic')),
          }),
  };
  const device: BluetoothDevice = Object.assign(new EventTarget(), {
    name: options.name ?? 'Polar H10',
    gatt: server,
  });
  const requestDevice = vi.fn((options: unknown) =>
    options === undefined ? Promise.reject(new Error('no options')) : Promise.resolve(device),
  );
  const bluetooth: Bluetooth = { requestDevice };
  const notify = (...bytes: number[]) => {
    value = new DataView(new Uint8Array(bytes).buffer);
    characteristic.dispatchEvent(new Event('characteristicvaluechanged'));
  };
  return { bluetooth, requestDevice, device, disconnect, startNotifications, notify };
}

describe('openStrap', () => {
  it('asks for the Heart Rate service, subscribes, and passes each measurement on', async () => {
    const strap = fakeStrap();
    const values: number[] = [];
    const link = await openStrap(strap.bluetooth, {
      onValue: (v) => values.push(v.getUint8(1)),
      onGone: () => undefined,
    });
    expect(strap.requestDevice).toHaveBeenCalledWith({
      filters: [{ services: ['heart_rate'] }],
    });
    expect(strap.startNotifications).toHaveBeenCalled();
    expect(link.name).toBe('Polar H10');
    strap.notify(0, 71);
    strap.notify(0, 73);
    expect(values).toEqual([71, 73]);
  });

  it('calls requestDevice at once, within the click', () => {
    const strap = fakeStrap();
    void openStrap(strap.bluetooth, { onValue: () => undefined, onGone: () => undefined });
    expect(strap.requestDevice).toHaveBeenCalledTimes(1);
  });

  it('tells when the strap goes away, and stops listening', async () => {
    const strap = fakeStrap();
    const onGone = vi.fn();
    const onValue = vi.fn();
    await openStrap(strap.bluetooth, { onValue, onGone });
    strap.device.dispatchEvent(new Event('gattserverdisconnected'));
    expect(onGone).toHaveBeenCalledTimes(1);
    strap.notify(0, 70);
    expect(onValue).not.toHaveBeenCalled();
  });

  it('closes on request: disconnects, and reports no loss afterwards', async () => {
    const strap = fakeStrap();
    const onGone = vi.fn();
    const link = await openStrap(strap.bluetooth, { onValue: () => undefined, onGone });
    link.close();
    expect(strap.disconnect).toHaveBeenCalled();
    strap.device.dispatchEvent(new Event('gattserverdisconnected'));
    expect(onGone).not.toHaveBeenCalled();
  });

  it('closes what it opened and throws when the strap lacks the service', async () => {
    const strap = fakeStrap({ failService: true });
    await expect(
      openStrap(strap.bluetooth, { onValue: () => undefined, onGone: () => undefined }),
    ).rejects.toThrow('no service');
    expect(strap.disconnect).toHaveBeenCalled();
  });

  it('names a strap that has no name', async () => {
    const strap = fakeStrap({ name: ' ' });
    const link = await openStrap(strap.bluetooth, {
      onValue: () => undefined,
      onGone: () => undefined,
    });
    expect(link.name).toBe('Heart-rate strap');
  });
});
