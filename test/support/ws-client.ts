import WebSocket from 'ws';
import type { ServerFrame } from '../../src/protocol/view';

/** A screen as a test drives it: a real WebSocket to the real server, with frames kept in order. */
export type TestScreen = Readonly<{
  socket: WebSocket;
  frames: ServerFrame[];
  sendRaw(data: string | Buffer): void;
  send(frame: object): void;
  /** The first frame (from now on, or already received if `seen` allows) that matches. */
  next<T extends ServerFrame>(match: (f: ServerFrame) => f is T, timeoutMs?: number): Promise<T>;
  waitFor(match: (f: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  /** The latest frame already received that matches, else the next one that does. */
  latestOrNext(match: (f: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}>;

export async function openScreen(url: string): Promise<TestScreen> {
  const socket = new WebSocket(url.replace(/^http/, 'ws') + 'ws');
  const frames: ServerFrame[] = [];
  const waiters = new Set<(f: ServerFrame) => void>();
  socket.on('message', (data) => {
    const frame = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '') as ServerFrame;
    frames.push(frame);
    for (const w of [...waiters]) w(frame);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      resolve();
    });
    socket.once('error', reject);
  });
  const waitFor = (match: (f: ServerFrame) => boolean, timeoutMs = 5000) =>
    new Promise<ServerFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `no matching frame within ${timeoutMs} ms; last: ${JSON.stringify(frames.at(-1) ?? null).slice(0, 300)}`,
          ),
        );
      }, timeoutMs);
      function check(f: ServerFrame) {
        if (!match(f)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(f);
      }
      waiters.add(check);
    });
  return {
    socket,
    frames,
    sendRaw: (data) => {
      socket.send(data);
    },
    send: (frame) => {
      socket.send(JSON.stringify(frame));
    },
    next: (match, timeoutMs) => waitFor(match, timeoutMs) as never,
    waitFor,
    latestOrNext(match, timeoutMs) {
      const seen = frames.findLast(match);
      return seen === undefined ? waitFor(match, timeoutMs) : Promise.resolve(seen);
    },
    closed,
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.close();
      await closed;
    },
  };
}

export const isType =
  <K extends ServerFrame['type']>(type: K) =>
  (f: ServerFrame): f is Extract<ServerFrame, { type: K }> =>
    f.type === type;
