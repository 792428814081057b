/**
 * The little of Web Bluetooth the panel uses, typed here (TypeScript's DOM library has none).
 * Only Chromium-based browsers have it, and only in a secure context.
 */
export type GattCharacteristic = EventTarget & {
  readonly value?: DataView | null;
  startNotifications(): Promise<GattCharacteristic>;
  stopNotifications(): Promise<GattCharacteristic>;
};

export type GattService = {
  getCharacteristic(name: string): Promise<GattCharacteristic>;
};

export type GattServer = {
  readonly connected: boolean;
  connect(): Promise<GattServer>;
  disconnect(): void;
  getPrimaryService(name: string): Promise<GattService>;
};

export type BluetoothDevice = EventTarget & {
  readonly name?: string | null;
  readonly gatt?: GattServer | null;
};

export type Bluetooth = {
  /** False where there is no adapter (a desktop without Bluetooth, a headless browser). */
  getAvailability?: () => Promise<boolean>;
  requestDevice(options: { filters: { services: string[] }[] }): Promise<BluetoothDevice>;
};

/** The standard Heart Rate service (0x180D) and its measurement characteristic (0x2A37). */
export const HEART_RATE_SERVICE = 'heart_rate';
export const HEART_RATE_MEASUREMENT = 'heart_rate_measurement';

export function webBluetooth(): Bluetooth | null {
  if (typeof navigator === 'undefined') return null;
  const bluetooth = (navigator as Navigator & { bluetooth?: Bluetooth }).bluetooth;
  return bluetooth ?? null;
}
