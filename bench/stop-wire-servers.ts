import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { startButtplugSimServer, type ButtplugSimServer } from '../src/devices/buttplug-sim/server';
import type { EchoReply, FromServers, ToServers } from './stop-wire-protocol';

/**
 * The server side of the `stop` benchmark, in its own process so that server work never shares
 * the event loop of the clients being measured. Started by stop-wire.ts with an IPC channel:
 * it runs N simulated Buttplug v4 servers on 127.0.0.1 (each takes one client) and reports every
 * StopCmd's arrival as the server stamped it (`receivedAt`, taken as the frame arrives, before
 * parsing). With its `performance.timeOrigin`, sent once with `ready`, the parent puts those
 * stamps on the shared wall clock. It also runs a tiny echo server the parent uses to check that
 * the two processes' clocks agree. It closes everything and exits when told to, or when the
 * parent goes away.
 */

const send = (message: FromServers) => {
  if (process.connected) process.send?.(message);
};

const servers: ButtplugSimServer[] = [];
const outputs: number[] = [];
let invalid = 0;
let echo: WebSocketServer | null = null;
let closing = false;

async function start(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const server = await startButtplugSimServer({ port: 0 });
    const index = servers.length;
    servers.push(server);
    outputs.push(0);
    server.onFrame((frame) => {
      // Decide after the fact what the frame was: `receivedAt` was taken before any parsing.
      if (frame.problem !== null) invalid += 1;
      if (frame.text.includes('"StopCmd"')) {
        send({ type: 'stop', server: index, at: frame.receivedAt });
      } else if (frame.text.includes('"OutputCmd"')) {
        outputs[index] = (outputs[index] ?? 0) + 1;
      }
    });
  }
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  echo = wss;
  wss.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => {
      const received = performance.now();
      const { sent } = JSON.parse(data.toString('utf8')) as { sent: number };
      const reply: EchoReply = { sent, received };
      socket.send(JSON.stringify(reply));
    });
  });
  await once(wss, 'listening');
  const { port } = wss.address() as AddressInfo;
  send({
    type: 'ready',
    urls: servers.map((s) => s.url),
    echoUrl: `ws://127.0.0.1:${port}`,
    timeOrigin: performance.timeOrigin,
  });
}

async function closeAll(): Promise<void> {
  if (closing) return;
  closing = true;
  const wss = echo;
  echo = null;
  if (wss !== null) {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => {
      wss.close(() => {
        resolve();
      });
    });
  }
  await Promise.allSettled(servers.splice(0).map((s) => s.close()));
}

async function shutDown(code: number): Promise<void> {
  // A server that will not close must not keep this process alive.
  const timer = setTimeout(() => process.exit(code), 3000);
  timer.unref();
  await closeAll();
  send({ type: 'closed' });
  if (process.connected) process.disconnect();
  process.exit(code);
}

process.on('message', (message: ToServers) => {
  switch (message.type) {
    case 'start':
      start(message.servers).catch((error: unknown) => {
        send({ type: 'error', message: (error as Error).message });
        void shutDown(1);
      });
      return;
    case 'counts':
      send({ type: 'counts', outputs: [...outputs], invalid });
      return;
    case 'close':
      void shutDown(0);
      return;
  }
});
// The parent went away (crashed, killed): close everything and leave.
process.on('disconnect', () => {
  void shutDown(0);
});
if (process.send === undefined) {
  console.error('stop-wire-servers: start me from the stop benchmark (it needs an IPC channel)');
  process.exit(2);
}
