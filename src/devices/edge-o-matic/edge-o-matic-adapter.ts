import type { DeviceSpec, GovernedLevel } from '../../core';
import type {
  ConnectResult,
  DeviceAdapter,
  DeviceAdapterEvent,
  DeviceAdapterListener,
} from '../adapter';
import { confirmMotorZero } from './confirm-stop';
import { openLink, type Link } from './link';
import {
  command,
  DEFAULT_URL,
  frameProblems,
  isManualMode,
  parseFrame,
  type Frame,
  type Readings,
} from './messages';
import { createMotorGate, motorByte, realTimers, type Timers } from './motor-gate';
import { readingEvents } from './readings';
import { takeControl } from './take-control';

export const EOM_DEVICE: DeviceSpec = {
  id: 'eom',
  name: 'Edge-o-Matic 3000',
  features: [{ id: 'motor', kind: 'vibrate' }],
};

export type ReconnectPolicy = Readonly<{
  firstDelayMs: number;
  maxDelayMs: number;
  /** Bounded: after this many failed attempts the adapter reports an error and stays lost. */
  maxAttempts: number;
}>;

export type EdgeOMaticAdapterOptions = Readonly<{
  /** Default `ws://eom3k.local/` (the device's mDNS name, port 80). */
  url?: string;
  connectTimeoutMs?: number;
  /** How long a reply may take while taking control. */
  requestTimeoutMs?: number;
  /** Silence while streaming (readings come at about 15 Hz) after which the device is lost. */
  readingsTimeoutMs?: number;
  /** At most one motor command per this many ms; the latest level wins. Stops are never held. */
  motorIntervalMs?: number;
  reconnect?: ReconnectPolicy | false;
  closeTimeoutMs?: number;
  /** Redline's clock (ms), for reading timestamps and the motor rate limit. */
  now: () => number;
  timers?: Timers;
}>;

export const EOM_DEFAULTS = {
  url: DEFAULT_URL,
  connectTimeoutMs: 5000,
  requestTimeoutMs: 2000,
  readingsTimeoutMs: 2000,
  motorIntervalMs: 50,
  reconnect: { firstDelayMs: 500, maxDelayMs: 8000, maxAttempts: 8 } as ReconnectPolicy | false,
  closeTimeoutMs: 1000,
};

type State = 'idle' | 'connecting' | 'open' | 'lost' | 'closed';
type FrameListener = { frame(frame: Frame): void; closed(reason: string): void };

/**
 * The Edge-o-Matic 3000 over its WebSocket: one device, `eom`, whose motor is one vibrate output
 * and whose pressure sensor streams readings. See docs/devices-edge-o-matic.md.
 */
export function createEdgeOMaticAdapter(options: EdgeOMaticAdapterOptions): DeviceAdapter {
  const o = { ...EOM_DEFAULTS, ...options };
  const timers = options.timers ?? realTimers;
  const listeners = new Set<DeviceAdapterListener>();
  const frameListeners = new Set<FrameListener>();
  const emit = (event: DeviceAdapterEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  let state: State = 'idle';
  /** Identifies the connection in use; events of any other connection are stale and ignored. */
  let current: object | undefined;
  let link: Link | undefined;
  let connecting: Promise<ConnectResult> | undefined;
  let nonce = 0;
  let watchdog: unknown;
  let retry: unknown;
  let attempts = 0;
  let manual = true;

  const gate = createMotorGate({
    minIntervalMs: o.motorIntervalMs,
    now: o.now,
    timers,
    write: (speed) => link?.send(command.setMotor(speed)),
  });

  const disarmWatchdog = () => {
    if (watchdog !== undefined) timers.clearTimeout(watchdog);
    watchdog = undefined;
  };
  const armWatchdog = () => {
    disarmWatchdog();
    watchdog = timers.setTimeout(() => {
      watchdog = undefined;
      lose(`no readings from the Edge-o-Matic for ${o.readingsTimeoutMs} ms`);
    }, o.readingsTimeoutMs);
  };
  const cancelRetry = () => {
    if (retry !== undefined) timers.clearTimeout(retry);
    retry = undefined;
  };
  /** Lets go of the connection in use: nothing pending survives it, nothing is restored later. */
  const release = () => {
    const old = link;
    current = undefined;
    link = undefined;
    gate.forget();
    return old;
  };

  function lose(reason: string) {
    if (state !== 'open') return;
    state = 'lost';
    disarmWatchdog();
    release()?.terminate();
    emit({ type: 'connection-lost', reason });
    scheduleRetry();
  }

  function scheduleRetry() {
    if (o.reconnect === false || state !== 'lost') return;
    if (attempts >= o.reconnect.maxAttempts) {
      emit({
        type: 'error',
        message: `gave up reconnecting to the Edge-o-Matic after ${attempts} attempts; connect again when it is back`,
      });
      return;
    }
    const delay = Math.min(o.reconnect.maxDelayMs, o.reconnect.firstDelayMs * 2 ** attempts);
    attempts += 1;
    retry = timers.setTimeout(() => {
      retry = undefined;
      void attempt();
    }, delay);
  }

  function watchMode(mode: string) {
    const nowManual = isManualMode(mode);
    if (nowManual === manual) return;
    manual = nowManual;
    // Outside manual mode the device drives its own motor, outside the agreement (S2).
    emit(
      nowManual
        ? { type: 'devices', devices: [EOM_DEVICE] }
        : {
            type: 'device-lost',
            device: EOM_DEVICE.id,
            reason: `the Edge-o-Matic left manual mode (it reports ${mode}) and may drive its motor by itself`,
          },
    );
  }

  function onReadings(readings: Readings) {
    armWatchdog();
    if (readings.runMode !== undefined) watchMode(readings.runMode);
    for (const event of readingEvents(EOM_DEVICE.id, readings, o.now())) emit(event);
  }

  function onText(text: string) {
    const parsed = parseFrame(text);
    if (!parsed.ok) {
      emit({ type: 'error', message: parsed.error });
      return;
    }
    const { frame } = parsed;
    for (const listener of [...frameListeners]) listener.frame(frame);
    if (state !== 'open') return;
    for (const message of frameProblems(frame)) emit({ type: 'error', message });
    if (frame.readings !== undefined) onReadings(frame.readings);
  }

  function onClosed(reason: string) {
    release();
    for (const listener of [...frameListeners]) listener.closed(reason);
    lose(reason);
  }

  /** Opens a connection and takes control of the device: manual mode, motor 0, streaming. */
  async function establish(): Promise<ConnectResult> {
    const token = {};
    current = token;
    const mine = () => current === token;
    const opened = await openLink(o.url, o.connectTimeoutMs, timers, {
      text: (text) => {
        if (mine()) onText(text);
      },
      refused: (message) => {
        if (mine()) emit({ type: 'error', message });
      },
      closed: (reason) => {
        if (mine()) onClosed(reason);
      },
    });
    if (!opened.ok) return opened;
    if (!mine()) {
      opened.link.terminate();
      return { ok: false, error: 'the Edge-o-Matic adapter was closed while connecting' };
    }
    link = opened.link;
    const control = await takeControl({
      send: (text) => opened.link.send(text),
      listen(listener) {
        frameListeners.add(listener);
        return () => frameListeners.delete(listener);
      },
      timers,
      requestTimeoutMs: o.requestTimeoutMs,
      nextNonce: () => ++nonce,
    });
    if (!control.ok || !mine()) {
      if (mine()) release();
      opened.link.terminate();
      return control.ok ? { ok: false, error: 'the Edge-o-Matic adapter was closed' } : control;
    }
    // The handshake set the motor to 0: after a reconnect it stays there until a new level (S6).
    gate.assume(0);
    manual = true;
    return { ok: true, devices: [EOM_DEVICE] };
  }

  function attempt(): Promise<ConnectResult> {
    connecting ??= (async () => {
      const wasLost = state === 'lost';
      if (!wasLost) state = 'connecting';
      const result = await establish();
      connecting = undefined;
      if (state === 'closed')
        return result.ok
          ? { ok: false, error: 'the Edge-o-Matic adapter was closed while connecting' }
          : result;
      if (result.ok) {
        state = 'open';
        attempts = 0;
        armWatchdog();
        emit(wasLost ? { type: 'reconnected' } : { type: 'devices', devices: result.devices });
      } else if (wasLost) scheduleRetry();
      else state = 'idle';
      return result;
    })();
    return connecting;
  }

  return {
    name: `edge-o-matic ${o.url}`,
    connect() {
      if (state === 'closed')
        return Promise.resolve({ ok: false, error: 'this Edge-o-Matic adapter is closed' });
      if (state === 'open') return Promise.resolve({ ok: true, devices: [EOM_DEVICE] });
      cancelRetry();
      return attempt();
    },
    stopAll() {
      // Written to the socket now, past the rate limit and the repeat check (S1).
      gate.stop();
    },
    confirmStop() {
      gate.stop(); // as stopAll: written now, before anything else (S1)
      if (state !== 'open' || link === undefined)
        return Promise.resolve({ ok: false, error: 'not connected to the Edge-o-Matic' });
      return confirmMotorZero({
        listen(listener) {
          frameListeners.add(listener);
          return () => frameListeners.delete(listener);
        },
        timers,
        timeoutMs: o.requestTimeoutMs,
      });
    },
    setOutput(device: string, feature: string, value: GovernedLevel) {
      if (device !== EOM_DEVICE.id || feature !== 'motor')
        throw new Error(`no output ${device}/${feature}: the Edge-o-Matic has only eom/motor`);
      const speed = motorByte(value);
      // Nothing to drive while disconnected, and no level waits for a reconnect (S6).
      if (state === 'open') gate.set(speed);
    },
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      gate.stop();
      cancelRetry();
      disarmWatchdog();
      const old = release();
      for (const listener of [...frameListeners]) listener.closed('the adapter was closed');
      if (old !== undefined) await old.close(o.closeTimeoutMs);
    },
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
