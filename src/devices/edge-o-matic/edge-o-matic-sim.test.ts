import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { rawText } from './link';
import { startEdgeOMaticSim, type EdgeOMaticSim } from './edge-o-matic-sim';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function client(sim: EdgeOMaticSim) {
  const socket = new WebSocket(sim.url);
  const received: unknown[] = [];
  socket.on('message', (data) => received.push(JSON.parse(rawText(data))));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  cleanups.push(() => {
    socket.terminate();
  });
  return { socket, received };
}

const eventually = (check: () => void) => vi.waitFor(check, { timeout: 1000, interval: 5 });
const readingsIn = (received: unknown[]) =>
  received.filter((m) => typeof m === 'object' && m !== null && 'readings' in m);

describe('the simulated Edge-o-Matic', () => {
  it('streams readings at about 15 Hz, only to a client that asked', async () => {
    const sim = await startEdgeOMaticSim();
    cleanups.push(() => sim.close());
    const quiet = await client(sim);
    const { socket, received } = await client(sim);
    socket.send('{"streamReadings":null}');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const count = readingsIn(received).length;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(8);
    expect(readingsIn(quiet.received)).toEqual([]);
    expect(readingsIn(received)[0]).toEqual({
      readings: {
        pressure: expect.any(Number) as number,
        pavg: 2000,
        arousal: expect.any(Number) as number,
        motor: 0,
        millis: expect.any(Number) as number,
        runMode: 'AUTOMATIC',
      },
    });
  });

  it('sends pushed readings and raw frames; tells listeners what it received', async () => {
    const sim = await startEdgeOMaticSim({ readings: { pattern: false } });
    cleanups.push(() => sim.close());
    const heard: unknown[] = [];
    sim.onMessage((message) => heard.push(message));
    const { socket, received } = await client(sim);
    socket.send('{"streamReadings":{"nonce":3}}');
    socket.send('{"setMotor":200}');
    socket.send('garbage');
    await eventually(() => {
      expect(received).toHaveLength(3);
    });
    sim.pushReading({ pressure: 3000, arousal: 7 });
    sim.sendRaw('{"readings":"bad"}');
    await eventually(() => {
      expect(received).toHaveLength(5);
    });
    expect(heard).toEqual([{ streamReadings: { nonce: 3 } }, { setMotor: 200 }, 'garbage']);
    expect(received).toMatchObject([
      { streamReadings: { nonce: 3 } },
      { setMotor: { mode: 'MANUAL', speed: 200 } },
      { error: 'garbage' },
      { readings: { pressure: 3000, pavg: 2000, arousal: 7, motor: 200, runMode: 'MANUAL' } },
      { readings: 'bad' },
    ]);
  });

  it('ignoreClients: frames arrive but are neither run nor answered, and nothing streams, until it is lifted', async () => {
    const sim = await startEdgeOMaticSim({ readings: { intervalMs: 10 } });
    cleanups.push(() => sim.close());
    const heard: unknown[] = [];
    sim.onMessage((message) => heard.push(message));
    const { socket, received } = await client(sim);
    socket.send('{"streamReadings":{"nonce":1}}');
    await eventually(() => {
      expect(readingsIn(received).length).toBeGreaterThan(0);
    });
    sim.ignoreClients(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const before = received.length;
    socket.send('{"setMotor":90}');
    await eventually(() => {
      expect(heard).toContainEqual({ setMotor: 90 });
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(before);
    expect(sim.motor()).toBe(0);
    sim.ignoreClients(false);
    socket.send('{"setMotor":40}');
    await eventually(() => {
      expect(sim.motor()).toBe(40);
    });
  });

  it('S5: sets its motor to 0 when its client disconnects or is dropped', async () => {
    const sim = await startEdgeOMaticSim();
    cleanups.push(() => sim.close());
    const first = await client(sim);
    first.socket.send('{"setMotor":90}');
    await eventually(() => {
      expect(sim.motor()).toBe(90);
    });
    first.socket.close();
    await eventually(() => {
      expect(sim.motor()).toBe(0);
    });
    const second = await client(sim);
    second.socket.send('{"setMotor":50}');
    await eventually(() => {
      expect(sim.motor()).toBe(50);
    });
    sim.dropConnections();
    expect(sim.motor()).toBe(0);
    await eventually(() => {
      expect(sim.clientCount()).toBe(0);
    });
  });
});
