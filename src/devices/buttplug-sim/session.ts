import { INPUT_COMMANDS, OUTPUT_TYPES, type InputType, type OutputType } from './catalogue';
import type { DeviceSet, SimDevice } from './device-set';
import {
  ERROR_CODE,
  SERVER_ONLY,
  SPEC_VERSION_MAJOR,
  SPEC_VERSION_MINOR,
  error,
  messageType,
  ok,
  type ClientMessage,
  type InputCmd,
  type OutputCmd,
  type RequestServerInfo,
  type ServerMessage,
  type StopCmd,
} from './protocol';

/**
 * One client connection, answering spec v4 as Intiface Engine 4 does: handshake first, one reply
 * per message, Error with the spec's codes for anything refused (and nothing changed), a ping
 * deadline when MaxPingTime > 0, and every device stopped when the client goes.
 */
export type SessionOptions = Readonly<{
  devices: DeviceSet;
  serverName: string;
  maxPingTimeMs: number;
  send(message: ServerMessage): void;
  /** Closes the connection (the session already stopped everything). */
  drop(reason: string): void;
  onHandshake?(clientName: string): void;
}>;

/** Input types spec v4 names; the simulator serves Battery and Pressure of these. */
const SPEC_INPUT_TYPES = ['Battery', 'RSSI', 'Button', 'Pressure', 'Position', 'Depth'];

const isOutputType = (type: string): type is OutputType =>
  (OUTPUT_TYPES as readonly string[]).includes(type);

export function createSession(options: SessionOptions) {
  const { devices, send } = options;
  let clientName: string | null = null;
  let scanning = false;
  let ended = false;
  let pingTimer: ReturnType<typeof setTimeout> | undefined;
  const subscriptions = new Set<string>();
  const subscription = (d: number, f: number, type: string) => `${d}/${f}/${type}`;

  const armPing = () => {
    if (options.maxPingTimeMs <= 0) return;
    clearTimeout(pingTimer);
    pingTimer = setTimeout(pingedOut, options.maxPingTimeMs);
  };
  const pingedOut = () => {
    if (ended) return;
    end('ping-timeout');
    send(
      error(
        0,
        ERROR_CODE.ping,
        `No Ping within MaxPingTime (${options.maxPingTimeMs} ms): all devices stopped, disconnecting.`,
      ),
    );
    options.drop('ping timeout');
  };
  /** Stops every device and forgets the session's subscriptions; safe to repeat. */
  const end = (cause: 'client-disconnected' | 'ping-timeout' | 'server-stopped') => {
    if (ended) return;
    ended = true;
    clearTimeout(pingTimer);
    devices.stop(cause);
    subscriptions.clear();
  };

  const noDevice = (id: number, index: number) =>
    error(id, ERROR_CODE.device, `No device with index ${index}.`);
  const noFeature = (id: number, device: SimDevice, index: number) =>
    error(
      id,
      ERROR_CODE.device,
      `Device ${device.index} (${device.name}) has no feature ${index}.`,
    );

  const handshake = (m: RequestServerInfo): ServerMessage => {
    if (clientName !== null)
      return error(m.Id, ERROR_CODE.init, 'The handshake already happened on this connection.');
    if (m.ProtocolVersionMajor !== SPEC_VERSION_MAJOR)
      return error(
        m.Id,
        ERROR_CODE.init,
        `This server speaks Buttplug spec v${SPEC_VERSION_MAJOR} only; the client asked for v${m.ProtocolVersionMajor}.`,
      );
    clientName = m.ClientName;
    armPing();
    options.onHandshake?.(m.ClientName);
    return {
      ServerInfo: {
        Id: m.Id,
        ServerName: options.serverName,
        ProtocolVersionMajor: SPEC_VERSION_MAJOR,
        ProtocolVersionMinor: SPEC_VERSION_MINOR,
        MaxPingTime: options.maxPingTimeMs,
      },
    };
  };

  const output = (m: OutputCmd): ServerMessage => {
    const device = devices.get(m.DeviceIndex);
    if (device === undefined) return noDevice(m.Id, m.DeviceIndex);
    const feature = devices.feature(m.DeviceIndex, m.FeatureIndex);
    if (feature === undefined) return noFeature(m.Id, device, m.FeatureIndex);
    const types = Object.keys(m.Command);
    const [type] = types;
    if (types.length !== 1 || type === undefined)
      return error(m.Id, ERROR_CODE.msg, 'OutputCmd.Command must hold exactly one output type.');
    if (!isOutputType(type)) return error(m.Id, ERROR_CODE.msg, `Unknown output type "${type}".`);
    const spec = feature.output?.[type];
    if (spec === undefined)
      return error(
        m.Id,
        ERROR_CODE.device,
        `Feature ${feature.index} of device ${device.index} (${device.name}) has no ${type} output.`,
      );
    const { Value: value, Duration: duration } = m.Command[type] ?? { Value: Number.NaN };
    const [min, max] = spec.value;
    if (!Number.isInteger(value) || value < min || value > max)
      return error(
        m.Id,
        ERROR_CODE.device,
        `${type} takes an integer from ${min} to ${max} on feature ${feature.index} of device ${device.index}; got ${value}.`,
      );
    if (spec.duration !== undefined) {
      const [shortest, longest] = spec.duration;
      if (
        duration === undefined ||
        !Number.isInteger(duration) ||
        duration < shortest ||
        duration > longest
      )
        return error(
          m.Id,
          ERROR_CODE.device,
          `${type} needs a Duration, an integer from ${shortest} to ${longest} ms; got ${String(duration)}.`,
        );
    }
    const moveMs = spec.duration === undefined ? undefined : duration;
    devices.setOutput(device.index, feature.index, type, value, moveMs, 'OutputCmd');
    return ok(m.Id);
  };

  const input = (m: InputCmd): ServerMessage => {
    const device = devices.get(m.DeviceIndex);
    if (device === undefined) return noDevice(m.Id, m.DeviceIndex);
    const feature = devices.feature(m.DeviceIndex, m.FeatureIndex);
    if (feature === undefined) return noFeature(m.Id, device, m.FeatureIndex);
    if (!SPEC_INPUT_TYPES.includes(m.Type))
      return error(m.Id, ERROR_CODE.msg, `Unknown input type "${m.Type}".`);
    if (!(INPUT_COMMANDS as readonly string[]).includes(m.Command))
      return error(m.Id, ERROR_CODE.msg, `Unknown input command "${m.Command}".`);
    const type = m.Type as InputType;
    const spec = feature.input?.[type];
    if (spec === undefined)
      return error(
        m.Id,
        ERROR_CODE.device,
        `Feature ${feature.index} of device ${device.index} (${device.name}) has no ${m.Type} input.`,
      );
    const command = m.Command === 'Unsubscribe' ? 'Subscribe' : m.Command;
    if (!(spec.command as string[]).includes(command))
      return error(
        m.Id,
        ERROR_CODE.device,
        `${type} on feature ${feature.index} of device ${device.index} supports ${spec.command.join(' and ')} only.`,
      );
    const key = subscription(device.index, feature.index, type);
    if (m.Command === 'Subscribe') subscriptions.add(key);
    else if (m.Command === 'Unsubscribe') subscriptions.delete(key);
    else return reading(m.Id, device.index, feature.index, type);
    return ok(m.Id);
  };

  const reading = (id: number, d: number, f: number, type: InputType): ServerMessage => ({
    InputReading: {
      Id: id,
      DeviceIndex: d,
      FeatureIndex: f,
      Reading: { [type]: { Value: devices.input(d, f, type) } },
    },
  });

  const stop = (m: StopCmd): ServerMessage => {
    const { DeviceIndex: d, FeatureIndex: f } = m;
    if (d === undefined && f !== undefined)
      return error(m.Id, ERROR_CODE.msg, 'StopCmd with a FeatureIndex needs a DeviceIndex.');
    if (d !== undefined) {
      const device = devices.get(d);
      if (device === undefined) return noDevice(m.Id, d);
      if (f !== undefined && devices.feature(d, f) === undefined) return noFeature(m.Id, device, f);
    }
    if (m.Outputs !== false) devices.stop('StopCmd', d, f);
    if (m.Inputs !== false) {
      const prefix = d === undefined ? '' : f === undefined ? `${d}/` : `${d}/${f}/`;
      for (const key of subscriptions) if (key.startsWith(prefix)) subscriptions.delete(key);
    }
    return ok(m.Id);
  };

  const reply = (message: ClientMessage): ServerMessage => {
    if ('RequestServerInfo' in message) return handshake(message.RequestServerInfo);
    if ('StopCmd' in message) return stop(message.StopCmd);
    if ('OutputCmd' in message) return output(message.OutputCmd);
    if ('InputCmd' in message) return input(message.InputCmd);
    if ('Ping' in message) {
      if (options.maxPingTimeMs <= 0)
        return error(message.Ping.Id, ERROR_CODE.ping, 'Ping is not expected: MaxPingTime is 0.');
      armPing();
      return ok(message.Ping.Id);
    }
    if ('RequestDeviceList' in message)
      return { DeviceList: { Id: message.RequestDeviceList.Id, Devices: devices.deviceInfo() } };
    if ('StartScanning' in message) {
      scanning = true;
      return ok(message.StartScanning.Id);
    }
    return ok(message.StopScanning.Id);
  };

  return {
    get clientName() {
      return clientName;
    },

    /** Answers the messages of one frame the schema accepted, in order. */
    handle(messages: readonly ClientMessage[]): void {
      for (const message of messages) {
        if (ended) return;
        const type = messageType(message);
        const payload = (message as Record<string, { Id?: unknown }>)[type];
        const id = typeof payload?.Id === 'number' ? payload.Id : 0;
        if ((SERVER_ONLY as readonly string[]).includes(type)) {
          send(error(id, ERROR_CODE.msg, `${type} is sent by a server, not by a client.`));
        } else if (clientName === null && type !== 'RequestServerInfo') {
          send(error(id, ERROR_CODE.init, `Send RequestServerInfo before ${type}.`));
        } else {
          send(reply(message));
          if (type === 'StopScanning' && scanning) {
            scanning = false;
            send({ ScanningFinished: { Id: 0 } });
          }
        }
      }
    },

    /** Answers a frame that is not valid JSON or not a valid spec v4 frame; nothing changes. */
    refuse(problem: string): void {
      if (!ended) send(error(0, ERROR_CODE.msg, `Invalid message: ${problem}`));
    },

    /** The device list changed: spec v4 sends the whole DeviceList again (Id 0). */
    devicesChanged(removed?: number): void {
      if (removed !== undefined)
        for (const key of subscriptions)
          if (key.startsWith(`${removed}/`)) subscriptions.delete(key);
      if (clientName !== null && !ended)
        send({ DeviceList: { Id: 0, Devices: devices.deviceInfo() } });
    },

    /** A new input value: subscribers get an InputReading (Id 0). */
    inputChanged(d: number, f: number, type: InputType): void {
      if (!ended && subscriptions.has(subscription(d, f, type))) send(reading(0, d, f, type));
    },

    end,
  };
}

export type Session = ReturnType<typeof createSession>;
