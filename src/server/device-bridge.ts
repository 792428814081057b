import type { SceneEvent } from '../core';
import type { DeviceAdapter, DeviceAdapterEvent } from '../devices/adapter';
import type { DeviceMap } from './device-map';

export type DeviceBridgeOptions = Readonly<{
  map: DeviceMap;
  /** Feeds an event to the scene (its loop); the bridge stamps it with `now()`. */
  dispatch(event: SceneEvent): void;
  now(): number;
  /** Something the person running the scene should read, in plain words (one line). */
  report(message: string): void;
  /** The whole connection is gone: called after every device was reported lost. */
  onConnectionLost?(): void;
}>;

/**
 * Turns what a device adapter learns into scene events. A lost device, or a lost connection
 * (every device at once), becomes `device.lost` from the system, which stops an active scene
 * (S1, S5): the adapter cannot stop a toy it can no longer reach, so the scene must know.
 * Returns a function that detaches the bridge.
 */
export function bridgeDevices(adapter: DeviceAdapter, options: DeviceBridgeOptions): () => void {
  const { map } = options;
  const lost = new Set<string>();
  const lose = (sceneDevice: string) => {
    // Each device is lost once; the adapter may name it again as the connection goes.
    if (lost.has(sceneDevice)) return;
    lost.add(sceneDevice);
    options.dispatch({ type: 'device.lost', at: options.now(), by: 'system', device: sceneDevice });
  };
  const sceneDevices = [...new Set(map.links.map((link) => link.device))];

  const hear = (event: DeviceAdapterEvent) => {
    switch (event.type) {
      case 'devices':
      case 'reading':
        // A new device list names lost devices separately; readings feed no scene event yet.
        return;
      case 'device-lost': {
        const sceneDevice = map.sceneDeviceOf(event.device);
        if (sceneDevice === undefined) return;
        options.report(`${sceneDevice} (${event.device}) was lost: ${event.reason}`);
        lose(sceneDevice);
        return;
      }
      case 'connection-lost':
        options.report(`the connection to the device server was lost: ${event.reason}`);
        for (const device of sceneDevices) lose(device);
        options.onConnectionLost?.();
        return;
      case 'reconnected':
        // Nothing resumes by itself after a loss (S6); the lost devices stay lost for this scene.
        options.report('connected to the device server again; nothing resumes by itself');
        return;
      case 'error':
        options.report(event.message);
        return;
    }
  };
  return adapter.on(hear);
}
