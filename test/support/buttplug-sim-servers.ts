import { afterEach, expect } from 'vitest';
import { checkV4Frame } from '../../src/devices/buttplug-sim/schema';
import {
  startButtplugSimServer,
  type ButtplugSimOptions,
  type ButtplugSimServer,
  type SimServerEvent,
} from '../../src/devices/buttplug-sim/server';

/**
 * Starts simulated Buttplug servers on 127.0.0.1, any free port, for one test file: every frame
 * a server sends is checked against the official spec v4 schema, and after each test every
 * server is closed and no invalid frame may have been sent.
 */
export function useSimServers(): (options?: ButtplugSimOptions) => Promise<ButtplugSimServer> {
  const servers: ButtplugSimServer[] = [];
  const invalid: string[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    expect(invalid.splice(0)).toEqual([]);
  });
  return async (options = {}) => {
    const server = await startButtplugSimServer({ port: 0, ...options });
    servers.push(server);
    server.onSent(({ text }) => {
      const problem = checkV4Frame(JSON.parse(text));
      if (problem !== null) invalid.push(`${text}: ${problem}`);
    });
    return server;
  };
}

/** Resolves on the server's next event of this type. */
export function untilEvent(server: ButtplugSimServer, type: SimServerEvent['type']): Promise<void> {
  return new Promise((resolve) => {
    const off = server.onEvent((event) => {
      if (event.type !== type) return;
      off();
      resolve();
    });
  });
}
