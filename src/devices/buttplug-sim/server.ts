import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  findDevice,
  loadCatalogue,
  type CatalogueDevice,
  type InputType,
  type OutputType,
} from './catalogue';
import { closeMatches } from './close-matches';
import { createDeviceSet, type OutputListener, type SimDevice, type SimOutput } from './device-set';
import type { ClientMessage, ServerMessage } from './protocol';
import { notify } from './notify';
import { checkV4Frame, prepareSchema } from './schema';
import { createSession, type Session } from './session';

/**
 * A simulated Buttplug spec v4 device server on a real WebSocket, bound to 127.0.0.1: Redline,
 * its tests and anyone without hardware can drive "toys" over the real protocol. It answers as
 * Intiface Engine 4 does (docs/devices.md) and records what each output was last told.
 */

export const DEFAULT_SIM_PORT = 12345;
/** One vibrator and one two-way rotator, from the catalogue. */
export const DEFAULT_SIM_DEVICES: readonly string[] = ['Lovense Lush', 'Lovense Nora'];
const SERVER_NAME = 'Redline simulated device server';

export type ButtplugSimOptions = Readonly<{
  /** Only the loopback address: the simulator is never reachable from the network. */
  host?: '127.0.0.1';
  /** Default 12345 (Intiface's); 0 takes any free port. */
  port?: number;
  /** Catalogue names (case ignored) or definitions; default DEFAULT_SIM_DEVICES. */
  devices?: readonly (string | CatalogueDevice)[];
  /** The MaxPingTime the server announces and enforces; 0 (the default) means no ping. */
  maxPingTimeMs?: number;
}>;

export type ReceivedFrame = Readonly<{
  /** performance.now() as the frame arrived, before parsing (ms; add performance.timeOrigin for wall time). */
  receivedAt: number;
  text: string;
  /** The frame's messages when it is JSON and valid spec v4, else null. */
  messages: readonly ClientMessage[] | null;
  /** Why the frame was refused, or null. */
  problem: string | null;
}>;
export type SentFrame = Readonly<{ sentAt: number; text: string; message: ServerMessage }>;

export type SimServerEvent =
  | { type: 'client-connected'; address: string }
  | { type: 'client-refused'; address: string; reason: string }
  | { type: 'handshake'; clientName: string }
  | { type: 'client-disconnected'; reason: string };

export type ButtplugSimServer = Readonly<{
  url: string;
  port: number;
  devices(): readonly SimDevice[];
  outputs(): readonly SimOutput[];
  /** One output now; `type` may be left out when the feature has one output. */
  output(deviceIndex: number, featureIndex: number, type?: OutputType): SimOutput | undefined;
  /** The connected client's name after its handshake, else null. */
  clientName(): string | null;
  onFrame(listener: (frame: ReceivedFrame) => void): () => void;
  onSent(listener: (frame: SentFrame) => void): () => void;
  onOutput(listener: OutputListener): () => void;
  onEvent(listener: (event: SimServerEvent) => void): () => void;
  /** A device appears (next unused index); the client gets the whole DeviceList again. */
  addDevice(device: string | CatalogueDevice): SimDevice;
  /** A device goes away (its outputs stop first); false when there is no such device. */
  removeDevice(index: number): boolean;
  /** A new input reading (integer within its range); subscribers get an InputReading. */
  setInput(deviceIndex: number, featureIndex: number, type: InputType, value: number): void;
  /** Stops every output, as the toys' own buttons would. */
  stopAll(): void;
  /** Closes the client's connection, as a crashed or lost server would look to it. */
  dropClient(): void;
  /**
   * While on, the client's frames still arrive (and reach `onFrame`) but are neither carried out
   * nor answered, as a hung device server would treat them; nothing is sent to the client.
   * Off again, the next frame is served as usual. Frames ignored meanwhile are gone.
   */
  ignoreClient(ignore: boolean): void;
  /** Sends any text to the client as one frame, unchecked: for tests of a client's own checks. */
  sendRaw(text: string): void;
  /** Stops every output, closes the client's connection and the server. */
  close(): Promise<void>;
}>;

function resolveDevice(device: string | CatalogueDevice): CatalogueDevice {
  if (typeof device !== 'string') return device;
  const found = findDevice(device);
  if (found !== undefined) return found;
  const near = closeMatches(
    device,
    loadCatalogue().devices.map((d) => d.name),
  );
  const hint = near.length > 0 ? `; close matches: ${near.join(', ')}` : '';
  throw new Error(`no device named "${device}" in the catalogue${hint}`);
}

function check(options: ButtplugSimOptions): { port: number; maxPingTimeMs: number } {
  const port = options.port ?? DEFAULT_SIM_PORT;
  const maxPingTimeMs = options.maxPingTimeMs ?? 0;
  // The type already says so; a caller in plain JavaScript is checked too.
  const host: string = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1')
    throw new Error('the simulated device server listens on 127.0.0.1 only');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`port must be an integer from 0 to 65535, not ${port}`);
  if (!Number.isInteger(maxPingTimeMs) || maxPingTimeMs < 0 || maxPingTimeMs > 0xffffffff)
    throw new Error(`maxPingTimeMs must be a whole number of ms, 0 or more, not ${maxPingTimeMs}`);
  return { port, maxPingTimeMs };
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}

function parseFrame(text: string): { messages: ClientMessage[] | null; problem: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { messages: null, problem: 'the frame is not JSON' };
  }
  const problem = checkV4Frame(parsed);
  return problem === null
    ? { messages: parsed as ClientMessage[], problem }
    : { messages: null, problem };
}

/** Starts the server; rejects on a bad option, an unknown device name or a busy port. */
export async function startButtplugSimServer(
  options: ButtplugSimOptions = {},
): Promise<ButtplugSimServer> {
  const { port: wantedPort, maxPingTimeMs } = check(options);
  const set = createDeviceSet();
  for (const device of (options.devices ?? DEFAULT_SIM_DEVICES).map(resolveDevice)) set.add(device);
  prepareSchema();

  const frameListeners = new Set<(frame: ReceivedFrame) => void>();
  const sentListeners = new Set<(frame: SentFrame) => void>();
  const eventListeners = new Set<(event: SimServerEvent) => void>();
  const emit = (event: SimServerEvent) => {
    notify(eventListeners, event);
  };
  const subscribe = <T>(listeners: Set<T>, listener: T) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  let client: { socket: WebSocket; session: Session } | null = null;
  let ignoring = false;

  const sendTo = (socket: WebSocket, message: ServerMessage) => {
    if (socket.readyState !== WebSocket.OPEN) return;
    // One message per frame, as Intiface sends them (the npm client drops what follows a DeviceList).
    const text = JSON.stringify([message]);
    socket.send(text);
    if (sentListeners.size === 0) return;
    notify(sentListeners, { sentAt: performance.now(), text, message });
  };

  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: wantedPort,
    maxPayload: 1024 * 1024,
    perMessageDeflate: false,
  });
  wss.on('connection', (socket, request) => {
    const address = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
    if (client !== null) {
      // Intiface Engine serves one client at a time.
      socket.close(1013, 'Another client is connected to this server.');
      emit({ type: 'client-refused', address, reason: 'another client is connected' });
      return;
    }
    const session = createSession({
      devices: set,
      serverName: SERVER_NAME,
      maxPingTimeMs,
      send: (message) => {
        sendTo(socket, message);
      },
      drop: (reason) => {
        socket.close(1000, reason);
      },
      onHandshake: (clientName) => {
        emit({ type: 'handshake', clientName });
      },
    });
    client = { socket, session };
    emit({ type: 'client-connected', address });

    socket.on('message', (data, isBinary) => {
      const receivedAt = performance.now();
      const text = textOf(data);
      const { messages, problem } = isBinary
        ? { messages: null, problem: 'binary frames are not part of the protocol' }
        : parseFrame(text);
      notify(frameListeners, { receivedAt, text, messages, problem });
      if (ignoring) return;
      if (messages === null) session.refuse(problem ?? 'invalid frame');
      else session.handle(messages);
    });
    socket.on('close', (code, reason) => {
      session.end('client-disconnected');
      if (client?.socket === socket) client = null;
      const why = reason.toString('utf8');
      emit({ type: 'client-disconnected', reason: why === '' ? `code ${code}` : why });
    });
    socket.on('error', () => {
      // ws closes the socket after an error (e.g. an oversized frame); 'close' does the rest.
    });
  });
  await once(wss, 'listening');
  const port = (wss.address() as AddressInfo).port;

  const closeClient = async (
    code: number,
    reason: string,
    cause: 'client-disconnected' | 'server-stopped',
  ) => {
    const current = client;
    if (current === null) return;
    current.session.end(cause);
    const closed = once(current.socket, 'close');
    current.socket.close(code, reason);
    const timer = setTimeout(() => {
      current.socket.terminate();
    }, 500);
    await closed;
    clearTimeout(timer);
  };

  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    devices: () => set.list(),
    outputs: () => set.outputs(),
    output(deviceIndex, featureIndex, type) {
      return set
        .outputs()
        .find(
          (o) =>
            o.deviceIndex === deviceIndex &&
            o.featureIndex === featureIndex &&
            (type === undefined || o.type === type),
        );
    },
    clientName: () => client?.session.clientName ?? null,
    onFrame: (listener) => subscribe(frameListeners, listener),
    onSent: (listener) => subscribe(sentListeners, listener),
    onOutput: (listener) => set.onOutput(listener),
    onEvent: (listener) => subscribe(eventListeners, listener),
    addDevice(device) {
      const added = set.add(resolveDevice(device));
      client?.session.devicesChanged();
      return added;
    },
    removeDevice(index) {
      if (set.remove(index) === undefined) return false;
      client?.session.devicesChanged(index);
      return true;
    },
    setInput(deviceIndex, featureIndex, type, value) {
      set.setInput(deviceIndex, featureIndex, type, value);
      client?.session.inputChanged(deviceIndex, featureIndex, type);
    },
    stopAll: () => {
      set.stop('server-stopped');
    },
    dropClient: () => {
      void closeClient(1001, 'The simulated server dropped the connection.', 'client-disconnected');
    },
    ignoreClient: (ignore) => {
      ignoring = ignore;
    },
    sendRaw: (text) => {
      client?.socket.send(text);
    },
    async close() {
      set.stop('server-stopped');
      await closeClient(1001, 'The simulated server is shutting down.', 'server-stopped');
      await new Promise<void>((resolve, reject) => {
        wss.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      });
    },
  };
}
