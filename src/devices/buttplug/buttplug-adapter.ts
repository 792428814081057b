import {
  DeviceOutputCommand,
  InputCommandType,
  InputType,
  type ButtplugClientDevice,
} from 'buttplug';
import { featureKey, type DeviceSpec, type GovernedLevel } from '../../core';
import type {
  DeviceAdapter,
  DeviceAdapterEvent,
  DeviceAdapterListener,
  StopConfirmation,
} from '../adapter';
import { GuardedConnector, PingingClient } from './guarded-client';
import {
  deviceId,
  mapDevice,
  toDeviceValue,
  type MappedDevice,
  type MappedOutput,
} from './mapping';
import { createPacer, realTimers, type Timers } from './pacer';
import { TimeoutError, withTimeout } from './timeout';

export type ButtplugAdapterOptions = Readonly<{
  url?: string;
  clientName?: string;
  /** Every request (connect, output, stop, ping) gives up after this. */
  requestTimeoutMs?: number;
  /** How long to scan for devices when the server lists none at first. */
  scanMs?: number;
  /** A floor under each device's own DeviceMessageTimingGap. */
  minGapMs?: number;
  /** Reconnect back-off: first wait, and the longest. */
  reconnect?: Readonly<{ firstMs: number; maxMs: number }> | false;
  timers?: Timers;
}>;

export const DEFAULT_BUTTPLUG_URL = 'ws://127.0.0.1:12345';
/** Battery levels are read at connect and then this often. */
const BATTERY_EVERY_MS = 60_000;

/**
 * Toys through a Buttplug v4 server (Intiface Central 3 / Engine 4, or Redline's simulated one),
 * over the official client, covering its gaps: the stop never awaits a reply, every request
 * times out, a lost server or device is reported, Ping is sent when the server asks for it, and
 * reconnecting never brings stimulation back by itself (S6).
 */
export function createButtplugAdapter(options: ButtplugAdapterOptions = {}): DeviceAdapter {
  const url = options.url ?? DEFAULT_BUTTPLUG_URL;
  const timeoutMs = options.requestTimeoutMs ?? 3000;
  const timers = options.timers ?? realTimers;
  const listeners = new Set<DeviceAdapterListener>();
  const emit = (event: DeviceAdapterEvent) => {
    for (const listener of listeners) listener(event);
  };
  let client: PingingClient | null = null;
  /** The current client's socket, to close it without the client's own disconnect (see `lose`). */
  let socket: GuardedConnector | null = null;
  let devices = new Map<string, MappedDevice>();
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let batteryTimer: ReturnType<typeof setInterval> | null = null;
  let reconnectCancel: (() => void) | null = null;
  let backoffMs = options.reconnect === false ? 0 : (options.reconnect?.firstMs ?? 500);
  let closed = false;

  const outputOf = (key: string): [MappedDevice, MappedOutput] | null => {
    for (const device of devices.values())
      for (const output of device.outputs)
        if (featureKey(device.id, output.featureId) === key) return [device, output];
    return null;
  };

  const pacer = createPacer((key, value) => {
    const found = outputOf(key);
    const live =
      client?.connected === true ? client.devices.get(found?.[0].index ?? -1) : undefined;
    if (found === null || live === undefined) return;
    const command = DeviceOutputCommand.createValue(found[1].type, value);
    const feature = live.features.get(found[1].featureIndex);
    if (feature === undefined) return;
    withTimeout(feature.runOutput(command), timeoutMs, `output to ${found[0].id}`).catch(
      (error: unknown) => {
        emit({ type: 'error', message: `${found[0].id}: ${(error as Error).message}` });
        // A server that leaves an output unanswered cannot be trusted with the toys, as with an
        // unconfirmed stop: the connection counts as lost, which stops the scene (S5), and
        // dropping it makes the server's stop-on-disconnect stop toys it would not otherwise.
        if (error instanceof TimeoutError) lose('the device server stopped answering');
      },
    );
  }, timers);

  const deviceList = (): DeviceSpec[] => [...devices.values()].map((d) => d.spec);

  const refreshDevices = (c: PingingClient) => {
    const next = new Map<string, MappedDevice>();
    for (const device of c.devices.values()) {
      const mapped = mapDevice(device, options.minGapMs ?? 50);
      if (mapped !== null) next.set(mapped.id, mapped);
    }
    for (const [id] of devices)
      if (!next.has(id))
        emit({ type: 'device-lost', device: id, reason: 'removed from the device server' });
    devices = next;
    emit({ type: 'devices', devices: deviceList() });
  };

  /** The connection's own timers (ping, battery) end with it. */
  const stopTimers = () => {
    if (pingTimer !== null) clearInterval(pingTimer);
    if (batteryTimer !== null) clearInterval(batteryTimer);
    pingTimer = null;
    batteryTimer = null;
  };

  const lose = (reason: string) => {
    if (client === null) return;
    const lost = client;
    const lostSocket = socket;
    client = null;
    socket = null;
    stopTimers();
    pacer.resetToZero();
    lost.removeAllListeners();
    // The socket itself is closed: the client's disconnect() first awaits the reply to a StopCmd,
    // which a hung server never sends, so its socket stayed open and the server's own
    // stop-on-disconnect never ran; closing it is what stops the toys of a server that ignores us.
    void lostSocket?.disconnect().catch(() => undefined);
    emit({ type: 'connection-lost', reason });
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (closed || options.reconnect === false || reconnectCancel !== null) return;
    const wait = backoffMs;
    backoffMs = Math.min(backoffMs * 2, options.reconnect?.maxMs ?? 10_000);
    reconnectCancel = timers.after(wait, () => {
      reconnectCancel = null;
      void open().then((result) => {
        if (result.ok) emit({ type: 'reconnected' });
        else scheduleReconnect();
      });
    });
  };

  const subscribeInputs = (c: PingingClient) => {
    for (const device of c.devices.values()) {
      for (const feature of device.features.values()) {
        if (feature.input(InputType.Pressure)?.commands.includes(InputCommandType.Subscribe)) {
          withTimeout(
            feature.runInput(InputType.Pressure, InputCommandType.Subscribe),
            timeoutMs,
            'pressure subscription',
          ).catch((error: unknown) => {
            emit({ type: 'error', message: (error as Error).message });
          });
        }
      }
    }
  };

  const readBatteries = (c: PingingClient) => {
    for (const device of c.devices.values()) {
      for (const feature of device.features.values()) {
        if (!feature.input(InputType.Battery)?.commands.includes(InputCommandType.Read)) continue;
        withTimeout(
          feature.runInput(InputType.Battery, InputCommandType.Read),
          timeoutMs,
          'battery reading',
        ).then(
          (reading) => {
            if (reading !== undefined) onReading(device, InputType.Battery, reading.value);
          },
          (error: unknown) => {
            emit({ type: 'error', message: (error as Error).message });
          },
        );
      }
    }
  };

  // Sensor-only devices (a pelvic-floor trainer, say) have no outputs and no DeviceSpec, but
  // their readings still count: they are named the same way as devices with outputs.
  const onReading = (device: ButtplugClientDevice, type: InputType, value: number) => {
    const kind =
      type === InputType.Pressure ? 'pressure' : type === InputType.Battery ? 'battery' : null;
    if (kind === null) return;
    const id = deviceId(device.displayName ?? device.name, device.index);
    emit({ type: 'reading', device: id, sensor: kind, kind, value, at: timers.now() });
  };

  const open = async (): Promise<{ ok: true } | { ok: false; error: string }> => {
    const c = new PingingClient(options.clientName ?? 'Redline');
    const connector = new GuardedConnector(url, (problem) => {
      emit({ type: 'error', message: `the device server sent ${problem}; it was ignored` });
    });
    try {
      await withTimeout(c.connect(connector), timeoutMs, `connecting to ${url}`);
    } catch (error) {
      void connector.disconnect().catch(() => undefined);
      return {
        ok: false,
        error: `cannot connect to the device server at ${url}: ${(error as Error).message}`,
      };
    }
    if (closed) {
      // close() ran while this (re)connect was under way: nothing may stay connected after it
      // (it would hold the device server, which serves one client, and the toys with it).
      void connector.disconnect().catch(() => undefined);
      return { ok: false, error: 'the adapter was closed while connecting' };
    }
    client = c;
    socket = connector;
    backoffMs = options.reconnect === false ? 0 : (options.reconnect?.firstMs ?? 500);
    c.on('disconnect', () => {
      lose('the device server closed the connection');
    });
    c.on('deviceadded', () => {
      refreshDevices(c);
    });
    c.on('deviceremoved', () => {
      refreshDevices(c);
    });
    c.on(
      'inputreading',
      (r: { device: ButtplugClientDevice; inputType: InputType; value: number }) => {
        onReading(r.device, r.inputType, r.value);
      },
    );
    const maxPing = c.serverInfo?.maxPingTime ?? 0;
    if (maxPing > 0) {
      pingTimer = setInterval(
        () => {
          withTimeout(c.ping(), Math.min(timeoutMs, maxPing), 'ping').catch(() => {
            lose('the device server stopped answering pings');
          });
        },
        Math.max(10, Math.floor(maxPing / 2)),
      );
    }
    if (c.devices.size === 0 && (options.scanMs ?? 3000) > 0) await scan(c, options.scanMs ?? 3000);
    refreshDevices(c);
    subscribeInputs(c);
    readBatteries(c);
    batteryTimer = setInterval(() => {
      readBatteries(c);
    }, BATTERY_EVERY_MS);
    return { ok: true };
  };

  /**
   * The one stop path, for `stopAll` and `confirmStop`. The StopCmd frame is written before
   * anything else here, and before this returns; its Ok reply is only watched, never awaited by
   * `stopAll` (S1). Bookkeeping comes after the write. A stop not confirmed in time means the
   * server cannot be trusted with the toys: the connection is treated as lost. Never rejects.
   */
  const sendStop = (): Promise<StopConfirmation> => {
    const c = client;
    const reply = c?.connected === true ? c.stopOutputs() : null;
    pacer.resetToZero();
    if (reply === null)
      return Promise.resolve({ ok: false, error: 'not connected to the device server' });
    return withTimeout(reply, timeoutMs, 'stop').then(
      (): StopConfirmation => ({ ok: true }),
      (error: unknown): StopConfirmation => {
        const why = (error as Error).message;
        emit({ type: 'error', message: `stop not confirmed: ${why}` });
        lose('the device server did not confirm a stop');
        return {
          ok: false,
          error:
            error instanceof TimeoutError
              ? `the device server did not confirm the stop within ${timeoutMs} ms`
              : `the device server did not confirm the stop: ${why}`,
        };
      },
    );
  };

  const scan = async (c: PingingClient, ms: number) => {
    try {
      await withTimeout(c.startScanning(), timeoutMs, 'start scanning');
      await new Promise<void>((resolve) => {
        const cancel = timers.after(ms, resolve);
        c.once('deviceadded', () => {
          cancel();
          resolve();
        });
      });
      await withTimeout(c.stopScanning(), timeoutMs, 'stop scanning');
    } catch (error) {
      emit({ type: 'error', message: (error as Error).message });
    }
  };

  return {
    name: `buttplug ${url}`,
    async connect() {
      closed = false;
      const result = await open();
      return result.ok ? { ok: true, devices: deviceList() } : result;
    },
    async close() {
      closed = true;
      reconnectCancel?.();
      reconnectCancel = null;
      const c = client;
      if (c === null) return;
      this.stopAll();
      client = null;
      stopTimers();
      c.removeAllListeners();
      const cSocket = socket;
      socket = null;
      await withTimeout(c.disconnect(), timeoutMs, 'disconnecting').catch(() => undefined);
      // Closed for sure: an unanswered disconnect above leaves the socket open (see `lose`).
      await cSocket?.disconnect().catch(() => undefined);
    },
    stopAll() {
      void sendStop();
    },
    confirmStop: sendStop,
    setOutput(device: string, feature: string, value: GovernedLevel) {
      const key = featureKey(device, feature);
      const found = outputOf(key);
      if (found === null) return;
      pacer.set(key, toDeviceValue(value, found[1].range), found[0].timingGapMs);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
