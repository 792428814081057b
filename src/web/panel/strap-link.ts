import {
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
  type Bluetooth,
  type GattCharacteristic,
} from './web-bluetooth';

export type StrapLink = Readonly<{ name: string; close: () => void }>;
export type StrapHandlers = Readonly<{
  /** Each Heart Rate Measurement notification, raw. */
  onValue: (value: DataView) => void;
  /** The strap went away by itself (out of range, battery); not called after `close`. */
  onGone: () => void;
}>;

/**
 * Asks the person to choose a strap offering the Heart Rate service, connects, and subscribes to
 * its measurements. `requestDevice` is called before anything is awaited, as the browser allows
 * it only within the click. On failure everything opened so far is closed and the error thrown.
 */
export async function openStrap(bluetooth: Bluetooth, handlers: StrapHandlers): Promise<StrapLink> {
  const chosen = bluetooth.requestDevice({ filters: [{ services: [HEART_RATE_SERVICE] }] });
  const device = await chosen;
  const gatt = device.gatt;
  if (gatt === undefined || gatt === null) throw new Error('the strap offers no services');

  let characteristic: GattCharacteristic | null = null;
  let closed = false;
  const onValue = (event: Event) => {
    const value = (event.target as GattCharacteristic | null)?.value;
    if (value !== undefined && value !== null) handlers.onValue(value);
  };
  const onGone = () => {
    if (closed) return;
    close();
    handlers.onGone();
  };
  const close = () => {
    closed = true;
    device.removeEventListener('gattserverdisconnected', onGone);
    characteristic?.removeEventListener('characteristicvaluechanged', onValue);
    if (gatt.connected) gatt.disconnect();
  };

  device.addEventListener('gattserverdisconnected', onGone);
  try {
    const server = await gatt.connect();
    const service = await server.getPrimaryService(HEART_RATE_SERVICE);
    characteristic = await service.getCharacteristic(HEART_RATE_MEASUREMENT);
    characteristic.addEventListener('characteristicvaluechanged', onValue);
    await characteristic.startNotifications();
  } catch (error) {
    close();
    throw error;
  }
  const name = device.name ?? '';
  return { name: name.trim() === '' ? 'Heart-rate strap' : name, close };
}
