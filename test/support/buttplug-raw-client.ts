import { once } from 'node:events';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../src/devices/buttplug-sim/protocol';

/**
 * A bare WebSocket client for tests of the simulated Buttplug server: sends any frame, even a
 * broken one, and hands back the server's messages in order (the server sends one per frame).
 */
export type RawClient = Readonly<{
  socket: WebSocket;
  /** Sends a string as it is, anything else as JSON. */
  send(frame: unknown): void;
  /** The next message the server sends (waits for it). */
  next(timeoutMs?: number): Promise<ServerMessage>;
  /** Sends one message and waits for the next message back. */
  request(message: object): Promise<ServerMessage>;
  /** RequestServerInfo for spec v4; resolves with the reply. */
  handshake(name?: string): Promise<ServerMessage>;
  /** Messages already received and not yet taken by next(). */
  pending(): readonly ServerMessage[];
  /** Resolves with the close code and reason once the connection closes. */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}>;

export async function connectRaw(url: string): Promise<RawClient> {
  const socket = new WebSocket(url);
  const queue: ServerMessage[] = [];
  const waiters: ((message: ServerMessage) => void)[] = [];
  socket.on('message', (data: Buffer) => {
    for (const message of JSON.parse(data.toString('utf8')) as ServerMessage[]) {
      const waiter = waiters.shift();
      if (waiter === undefined) queue.push(message);
      else waiter(message);
    }
  });
  const closed = once(socket, 'close').then(([code, reason]) => ({
    code: code as number,
    reason: (reason as Buffer).toString('utf8'),
  }));
  await once(socket, 'open');
  let nextId = 1;

  const next = (timeoutMs = 2000) => {
    const queued = queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise<ServerMessage>((resolve, reject) => {
      const waiter = (message: ServerMessage) => {
        clearTimeout(timer);
        resolve(message);
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`no message from the server within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  };
  const send = (frame: unknown) => {
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  };
  const request = (message: object) => {
    send([message]);
    return next();
  };
  return {
    socket,
    send,
    next,
    request,
    handshake: (name = 'raw test client') =>
      request({
        RequestServerInfo: {
          Id: nextId++,
          ClientName: name,
          ProtocolVersionMajor: 4,
          ProtocolVersionMinor: 0,
        },
      }),
    pending: () => [...queue],
    closed,
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.close();
      await closed;
    },
  };
}
