import { WebSocketServer, type WebSocket } from 'ws';
import { rawText } from './link';
import { MAX_FRAME_BYTES } from './messages';
import {
  answerFrame,
  bootMode,
  patternReading,
  readingsFrame,
  type SimClient,
  type SimDevice,
  type SimFirmware,
  type SimReading,
} from './sim-firmware';

export type EdgeOMaticSimOptions = Readonly<{
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  firmware?: SimFirmware;
  readings?: Readonly<{
    /** Default 1000/15 ms: the device's about 15 Hz. */
    intervalMs?: number;
    /** Stream the built-in pattern (default); false sends only what tests push. */
    pattern?: boolean;
  }>;
}>;

export type EdgeOMaticSim = Readonly<{
  url: string;
  /** The motor speed, 0–255. */
  motor(): number;
  mode(): string;
  /** What someone pressing the device's own buttons would do: switch its mode. */
  setModeOnDevice(mode: string): void;
  /** Hears every frame a client sent: parsed JSON, or the raw text if it was not JSON. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Sends a text frame as is to every client: for bad frames. */
  sendRaw(text: string): void;
  /** Streams one reading now to every client that asked for readings. */
  pushReading(reading: Partial<SimReading>): void;
  /** Drops every client at once, as a lost Wi-Fi would. */
  dropConnections(): void;
  /**
   * While on, frames from clients still arrive (and reach `onMessage`) but are neither run nor
   * answered, and no readings are streamed: a device that hangs with its connections open.
   * Off again, it carries on with the next frame; what it ignored meanwhile is gone.
   */
  ignoreClients(ignore: boolean): void;
  clientCount(): number;
  close(): Promise<void>;
}>;

/**
 * A simulated Edge-o-Matic 3000 on a local WebSocket: answers the commands the firmware knows,
 * streams readings to clients that asked, and, unlike the real device, sets its motor to 0 when
 * a client disconnects (a safe simulated toy).
 */
export async function startEdgeOMaticSim(
  options: EdgeOMaticSimOptions = {},
): Promise<EdgeOMaticSim> {
  const host = options.host ?? '127.0.0.1';
  const firmware = options.firmware ?? 'current';
  const server = new WebSocketServer({
    host,
    port: options.port ?? 0,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error(`the simulated Edge-o-Matic has no port (address ${String(address)})`);

  const device: SimDevice = { firmware, mode: bootMode(firmware), motor: 0 };
  const clients = new Map<WebSocket, SimClient>();
  const listeners = new Set<(message: unknown) => void>();
  const bootedAt = performance.now();
  let tick = 0;
  let ignoring = false;

  const stream = (reading: SimReading) => {
    if (ignoring) return;
    const text = readingsFrame(device, reading, Math.round(performance.now() - bootedAt));
    for (const [socket, client] of clients) if (client.streaming) socket.send(text);
  };

  server.on('connection', (socket) => {
    const client: SimClient = { streaming: false };
    clients.set(socket, client);
    socket.on('error', () => {
      // A broken client just goes away; 'close' follows.
    });
    socket.on('close', () => {
      clients.delete(socket);
      device.motor = 0;
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = rawText(data);
      let message: unknown = text;
      try {
        message = JSON.parse(text);
      } catch {
        // Listeners get the raw text.
      }
      for (const listener of [...listeners]) listener(message);
      if (ignoring) return;
      const reply = answerFrame(text, device, client);
      if (reply !== undefined) socket.send(reply);
    });
  });

  const pattern = options.readings?.pattern ?? true;
  const timer = pattern
    ? setInterval(
        () => {
          tick += 1;
          stream(patternReading(tick));
        },
        options.readings?.intervalMs ?? 1000 / 15,
      )
    : undefined;
  timer?.unref();

  return {
    url: `ws://${host}:${address.port}/`,
    motor: () => device.motor,
    mode: () => device.mode,
    setModeOnDevice(mode) {
      device.mode = mode;
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    sendRaw(text) {
      for (const socket of clients.keys()) socket.send(text);
    },
    pushReading(reading) {
      stream({ ...patternReading(tick), ...reading });
    },
    dropConnections() {
      device.motor = 0;
      for (const socket of clients.keys()) socket.terminate();
    },
    ignoreClients(ignore) {
      ignoring = ignore;
    },
    clientCount: () => clients.size,
    close() {
      if (timer !== undefined) clearInterval(timer);
      for (const socket of clients.keys()) socket.terminate();
      device.motor = 0;
      return new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
