import type { StopConfirmation } from '../../devices/adapter';
import type { DevicePort } from '../../devices/port';

export type StopTimer = Readonly<{
  /** The port the scene loop drives: its `stopAll` is timed, everything else passes through. */
  port: DevicePort;
  /**
   * Runs one entry into the scene (a frame, a sensor, a timer): a stop sent meanwhile is timed
   * from the moment the request reached the runtime, not from when the loop got to it.
   */
  entering<T>(run: () => T): T;
  /**
   * The last stop sent, as ms from its request to the device side's confirmation (null if it
   * was not confirmed), or null if no timed stop was sent since the last call.
   */
  takeLast(): Promise<number | null> | null;
}>;

/**
 * Times the scene's stops without touching their order (docs/decisions/0006): `send` is the
 * adapter's `confirmStop`, which writes the stop exactly as `stopAll` does before it returns and
 * then only watches for the reply. Without `send` (tests with a bare port) nothing is timed.
 */
export function createStopTimer(options: {
  devices: DevicePort;
  send: (() => Promise<StopConfirmation>) | undefined;
  now?: () => number;
}): StopTimer {
  const { devices, send } = options;
  const now = options.now ?? (() => performance.now());
  let requestedAt: number | null = null;
  let last: Promise<number | null> | null = null;

  const stopAll = () => {
    if (send === undefined) {
      devices.stopAll();
      return;
    }
    const from = requestedAt ?? now();
    let confirmation: Promise<StopConfirmation>;
    try {
      confirmation = send();
    } catch {
      // A broken adapter must not cost the stop: send it the plain way, untimed.
      devices.stopAll();
      last = null;
      return;
    }
    last = confirmation.then(
      (result) => (result.ok ? Math.max(0, now() - from) : null),
      () => null,
    );
  };

  return {
    port: {
      stopAll,
      setOutput: (device, feature, value) => {
        devices.setOutput(device, feature, value);
      },
    },
    entering(run) {
      if (requestedAt !== null) return run();
      requestedAt = now();
      try {
        return run();
      } finally {
        requestedAt = null;
      }
    },
    takeLast() {
      const taken = last;
      last = null;
      return taken;
    },
  };
}
