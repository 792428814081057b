import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import type { GovernedLevel } from '../../core';
import type { DeviceAdapterEvent } from '../adapter';
import { startButtplugSimServer } from '../buttplug-sim/server';
import { createButtplugAdapter, type ButtplugAdapterOptions } from './buttplug-adapter';

const level = (n: number) => n as GovernedLevel;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(
  serverOptions: Parameters<typeof startButtplugSimServer>[0] = {},
  adapterOptions: ButtplugAdapterOptions = {},
) {
  const server = await startButtplugSimServer({ port: 0, ...serverOptions });
  cleanups.push(() => server.close());
  const adapter = createButtplugAdapter({
    url: server.url,
    requestTimeoutMs: 1000,
    scanMs: 0,
    minGapMs: 20,
    reconnect: false,
    ...adapterOptions,
  });
  cleanups.push(() => adapter.close());
  const events: DeviceAdapterEvent[] = [];
  adapter.on((e) => events.push(e));
  const connected = await adapter.connect();
  if (!connected.ok) throw new Error(connected.error);
  return { server, adapter, events, devices: connected.devices };
}

/** Records every frame the server receives, on the server object, for the tests above. */
async function recordingServer(options: Parameters<typeof startButtplugSimServer>[0] = {}) {
  const server = await startButtplugSimServer({ port: 0, ...options });
  const seen: string[] = [];
  server.onFrame((f) => seen.push(f.text));
  return Object.assign(server, { seen });
}

describe('the Buttplug adapter against the simulated server', () => {
  it('lists devices with readable ids and the outputs Redline can govern', async () => {
    const { devices } = await setUp();
    expect(devices).toStrictEqual([
      {
        id: 'lovense-lush-0',
        name: 'Lovense Lush',
        features: [{ id: 'vibrate-0', kind: 'vibrate' }],
      },
      {
        id: 'lovense-nora-1',
        name: 'Lovense Nora',
        features: [
          { id: 'vibrate-0', kind: 'vibrate' },
          { id: 'rotate-1', kind: 'rotate' },
        ],
      },
    ]);
  });

  it('[S2] zero on the two-way rotator is 0, never full reverse', async () => {
    const { adapter, server } = await setUp();
    adapter.setOutput('lovense-nora-1', 'rotate-1', level(0.5));
    await vi.waitFor(() => {
      expect(server.output(1, 1)?.value).toBe(10);
    });
    adapter.setOutput('lovense-nora-1', 'rotate-1', level(0));
    await vi.waitFor(() => {
      expect(server.output(1, 1)?.value).toBe(0);
    });
  });

  it('paces commands per feature and never repeats an unchanged value', async () => {
    const server = await recordingServer();
    cleanups.push(() => server.close());
    const adapter = createButtplugAdapter({
      url: server.url,
      scanMs: 0,
      minGapMs: 200,
      reconnect: false,
    });
    cleanups.push(() => adapter.close());
    expect((await adapter.connect()).ok).toBe(true);
    for (const l of [0.1, 0.2, 0.3, 0.4, 0.5])
      adapter.setOutput('lovense-lush-0', 'vibrate-0', level(l));
    await vi.waitFor(() => {
      expect(server.output(0, 0)?.value).toBe(10);
    });
    const outputs = server.seen.filter((f) => f.includes('"OutputCmd"'));
    expect(outputs).toHaveLength(2); // the first at once, the latest after the gap
    adapter.setOutput('lovense-lush-0', 'vibrate-0', level(0.5));
    adapter.setOutput('lovense-lush-0', 'vibrate-0', level(0.52)); // same integer, 10
    await sleep(300);
    expect(server.seen.filter((f) => f.includes('"OutputCmd"'))).toHaveLength(2);
  });

  it('[S1] a stop goes out at once, past the pacing, and nothing queued follows it', async () => {
    const server = await recordingServer();
    cleanups.push(() => server.close());
    const adapter = createButtplugAdapter({
      url: server.url,
      scanMs: 0,
      minGapMs: 200,
      reconnect: false,
    });
    cleanups.push(() => adapter.close());
    expect((await adapter.connect()).ok).toBe(true);
    adapter.setOutput('lovense-lush-0', 'vibrate-0', level(0.3));
    adapter.setOutput('lovense-lush-0', 'vibrate-0', level(0.9)); // queued behind the gap
    adapter.stopAll();
    await vi.waitFor(() => {
      expect(server.seen.some((f) => f.includes('"StopCmd"'))).toBe(true);
    });
    await sleep(300);
    expect(server.output(0, 0)?.value).toBe(0);
    expect(server.seen.filter((f) => f.includes('"OutputCmd"'))).toHaveLength(1);
  });

  it('[S1] confirmStop writes the StopCmd before it returns, and resolves ok on the server’s Ok', async () => {
    const server = await recordingServer();
    cleanups.push(() => server.close());
    const adapter = createButtplugAdapter({ url: server.url, scanMs: 0, reconnect: false });
    cleanups.push(() => adapter.close());
    expect((await adapter.connect()).ok).toBe(true);
    adapter.setOutput('lovense-lush-0', 'vibrate-0', level(0.5));
    await vi.waitFor(() => {
      expect(server.output(0, 0)?.value).toBe(10);
    });
    const confirming = adapter.confirmStop();
    // Anything sent after confirmStop returned follows its stop on the wire.
    adapter.setOutput('lovense-nora-1', 'vibrate-0', level(0.5));
    expect(await confirming).toStrictEqual({ ok: true });
    const order = server.seen.filter((f) => f.includes('"StopCmd"') || f.includes('"OutputCmd"'));
    expect(order.slice(-2).map((f) => (f.includes('StopCmd') ? 'stop' : 'output'))).toEqual([
      'stop',
      'output',
    ]);
    expect(server.output(0, 0)?.value).toBe(0);
  });

  it('confirmStop resolves ok: false when not connected, and when the server never answers (then the connection counts as lost)', async () => {
    const idle = createButtplugAdapter({ url: 'ws://127.0.0.1:1', reconnect: false });
    expect(await idle.confirmStop()).toStrictEqual({
      ok: false,
      error: 'not connected to the device server',
    });
    const { server, adapter, events } = await setUp({}, { requestTimeoutMs: 200 });
    server.ignoreClient(true);
    expect(await adapter.confirmStop()).toStrictEqual({
      ok: false,
      error: 'the device server did not confirm the stop within 200 ms',
    });
    expect(events.map((e) => e.type)).toContain('connection-lost');
  });

  it('[S5] an output left unanswered counts as a lost connection, and its socket is closed so the server stops the toys', async () => {
    const { server, adapter, events } = await setUp({}, { requestTimeoutMs: 200 });
    adapter.setOutput('lovense-lush-0', 'vibrate-0', level(0.5));
    await vi.waitFor(() => {
      expect(server.output(0, 0)?.value).toBe(10);
    });
    server.ignoreClient(true);
    adapter.setOutput('lovense-lush-0', 'vibrate-0', level(0.25));
    await vi.waitFor(() => {
      expect(events.map((e) => e.type)).toContain('connection-lost');
    });
    // The client's own disconnect() would wait for a StopCmd reply that never comes.
    await vi.waitFor(() => {
      expect(server.clientName()).toBeNull();
    });
    expect(server.output(0, 0)?.value).toBe(0);
  });

  it('close() during a reconnect leaves nothing connected', async () => {
    const { server, adapter, events } = await setUp({}, { reconnect: { firstMs: 1, maxMs: 1 } });
    // Closed just as the reconnect's socket opens, before its handshake is done.
    const reconnecting = new Promise<void>((resolve) => {
      server.onEvent((e) => {
        if (e.type === 'client-connected') resolve();
      });
    });
    server.dropClient();
    await reconnecting;
    expect(events.map((e) => e.type)).toContain('connection-lost');
    await adapter.close();
    await sleep(300);
    expect(server.clientName()).toBeNull();
  });

  it('[S1] a removed device is reported as lost', async () => {
    const { server, events } = await setUp();
    server.removeDevice(0);
    await vi.waitFor(() => {
      expect(events).toContainEqual({
        type: 'device-lost',
        device: 'lovense-lush-0',
        reason: 'removed from the device server',
      });
    });
  });

  it('[S5] keeps a server that asks for pings happy', async () => {
    // Generous margins: a busy CI machine may stall the event loop for a while.
    const { server, events } = await setUp({ maxPingTimeMs: 600 });
    await sleep(2000);
    expect(events.map((e) => e.type)).not.toContain('connection-lost');
    expect(server.clientName()).toBe('Redline');
  });

  it('[S6] after a lost connection it reconnects but restores no output', async () => {
    const { server, adapter, events } = await setUp({}, { reconnect: { firstMs: 20, maxMs: 50 } });
    adapter.setOutput('lovense-lush-0', 'vibrate-0', level(0.5));
    await vi.waitFor(() => {
      expect(server.output(0, 0)?.value).toBe(10);
    });
    server.dropClient();
    await vi.waitFor(() => {
      expect(events.map((e) => e.type)).toContain('reconnected');
    });
    await sleep(100);
    expect(server.output(0, 0)?.value).toBe(0);
  });

  it('reads each battery when it connects', async () => {
    const server = await startButtplugSimServer({ port: 0 });
    cleanups.push(() => server.close());
    server.setInput(0, 1, 'Battery', 64);
    const adapter = createButtplugAdapter({ url: server.url, scanMs: 0, reconnect: false });
    cleanups.push(() => adapter.close());
    const events: DeviceAdapterEvent[] = [];
    adapter.on((e) => events.push(e));
    expect((await adapter.connect()).ok).toBe(true);
    await vi.waitFor(() => {
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'reading',
          device: 'lovense-lush-0',
          kind: 'battery',
          value: 64,
        }),
      );
    });
  });

  it('reads pressure from a sensor-only device by subscription', async () => {
    const { server, events } = await setUp({ devices: ['KGoal Boost'] });
    await vi.waitFor(() => {
      server.setInput(0, 0, 'Pressure', 700);
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'reading',
          device: 'kgoal-boost-0',
          kind: 'pressure',
          value: 700,
        }),
      );
    });
  });
});

describe('the Buttplug adapter when the server misbehaves', () => {
  it('gives up connecting to a server that never answers, with a clear error', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => wss.once('listening', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const c of wss.clients) c.terminate();
          wss.close(() => {
            resolve();
          });
        }),
    );
    const { port } = wss.address() as { port: number };
    const adapter = createButtplugAdapter({
      url: `ws://127.0.0.1:${port}`,
      requestTimeoutMs: 200,
      reconnect: false,
    });
    const result = await adapter.connect();
    expect(result).toStrictEqual({
      ok: false,
      error: `cannot connect to the device server at ws://127.0.0.1:${port}: connecting to ws://127.0.0.1:${port}: no answer within 200 ms`,
    });
  });

  it('says so when nothing listens', async () => {
    const probe: Server = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) =>
      probe.close(() => {
        resolve();
      }),
    );
    const adapter = createButtplugAdapter({
      url: `ws://127.0.0.1:${port}`,
      requestTimeoutMs: 500,
      reconnect: false,
    });
    const result = await adapter.connect();
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(
      /^cannot connect to the device server at ws:\/\/127\.0\.0\.1:\d+: /,
    );
  });
});
