import type { DeviceSpec } from '../core';
import type { DeviceAdapter } from '../devices/adapter';

/**
 * The server's one connection to the toys (a Buttplug server: Intiface, or Redline's simulated
 * one). Scenes take devices from it; it keeps the current list and whether it is connected.
 */
export type DeviceHub = Readonly<{
  adapter: DeviceAdapter;
  connected(): boolean;
  devices(): readonly DeviceSpec[];
  /** Something the person running Redline should read (a lost connection, a bad frame). */
  onReport(listener: (message: string) => void): () => void;
  close(): Promise<void>;
}>;

export async function connectDeviceHub(
  adapter: DeviceAdapter,
): Promise<{ ok: true; hub: DeviceHub } | { ok: false; error: string }> {
  let list: readonly DeviceSpec[] = [];
  let connected = false;
  const reporters = new Set<(message: string) => void>();
  const report = (message: string) => {
    for (const r of reporters) r(message);
  };
  adapter.on((event) => {
    switch (event.type) {
      case 'devices':
        list = event.devices;
        return;
      case 'device-lost':
        list = list.filter((d) => d.id !== event.device);
        report(`${event.device} was lost: ${event.reason}`);
        return;
      case 'connection-lost':
        connected = false;
        list = [];
        report(`the connection to the device server was lost: ${event.reason}`);
        return;
      case 'reconnected':
        connected = true;
        report('connected to the device server again; nothing resumes by itself');
        return;
      case 'reading':
        return;
      case 'error':
        report(event.message);
        return;
    }
  });
  const result = await adapter.connect();
  if (!result.ok) {
    await adapter.close();
    return result;
  }
  connected = true;
  list = result.devices;
  return {
    ok: true,
    hub: {
      adapter,
      connected: () => connected,
      devices: () => list,
      onReport(listener) {
        reporters.add(listener);
        return () => reporters.delete(listener);
      },
      close: () => adapter.close(),
    },
  };
}
