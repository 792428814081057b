import { afterEach, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import type { GovernedLevel } from '../../core';
import type { DeviceAdapter, DeviceAdapterEvent } from '../adapter';
import { createEdgeOMaticAdapter, type EdgeOMaticAdapterOptions } from './edge-o-matic-adapter';
import {
  startEdgeOMaticSim,
  type EdgeOMaticSim,
  type EdgeOMaticSimOptions,
} from './edge-o-matic-sim';

/** What the Edge-o-Matic adapter's tests share: a simulator, an adapter, cleanup after each. */

export const level = (value: number) => value as GovernedLevel;

export const eventually = (check: () => void, timeout = 1000) =>
  vi.waitFor(check, { timeout, interval: 5 });

/** Call once at the top of a test file: whatever a test starts is closed after it. */
export function useAdapterKit() {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const later = (cleanup: () => Promise<void> | void) => cleanups.push(cleanup);

  async function sim(options: EdgeOMaticSimOptions = {}) {
    const started = await startEdgeOMaticSim(options);
    later(() => started.close());
    return started;
  }

  function adapterFor(url: string, options: Partial<EdgeOMaticAdapterOptions> = {}) {
    const adapter = createEdgeOMaticAdapter({
      url,
      connectTimeoutMs: 1000,
      requestTimeoutMs: 500,
      readingsTimeoutMs: 500,
      reconnect: { firstDelayMs: 10, maxDelayMs: 50, maxAttempts: 3 },
      now: () => performance.now(),
      ...options,
    });
    const events: DeviceAdapterEvent[] = [];
    adapter.on((event) => events.push(event));
    later(() => adapter.close());
    const types = () => events.map((e) => e.type);
    return { adapter, events, types };
  }

  /** A WebSocket server that behaves however a test makes it. */
  async function wsServer() {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    later(
      () =>
        new Promise<void>((resolve) => {
          for (const client of server.clients) client.terminate();
          server.close(() => {
            resolve();
          });
        }),
    );
    await new Promise((resolve) => server.once('listening', resolve));
    return { server, url: `ws://127.0.0.1:${portOf(server.address())}/` };
  }

  return { later, sim, adapterFor, wsServer };
}

export function portOf(address: string | { port: number } | null): number {
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export function messagesOf(device: EdgeOMaticSim) {
  const messages: unknown[] = [];
  device.onMessage((message) => messages.push(message));
  return messages;
}

export async function connected(adapter: DeviceAdapter) {
  const result = await adapter.connect();
  if (!result.ok) throw new Error(result.error);
  return result;
}
