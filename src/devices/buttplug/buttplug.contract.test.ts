import { afterEach } from 'vitest';
import { devicePortContract } from '../port.contract';
import { startButtplugSimServer, type ButtplugSimServer } from '../buttplug-sim/server';
import { createButtplugAdapter } from './buttplug-adapter';

// The Buttplug adapter over a real local socket, against the simulated Buttplug v4 server.
const servers: ButtplugSimServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

devicePortContract(
  'the Buttplug adapter',
  async () => {
    const server = await startButtplugSimServer({ port: 0 });
    servers.push(server);
    const adapter = createButtplugAdapter({
      url: server.url,
      requestTimeoutMs: 1000,
      scanMs: 0,
      minGapMs: 20,
      reconnect: false,
    });
    const connected = await adapter.connect();
    if (!connected.ok) throw new Error(connected.error);
    const indexOf = new Map(connected.devices.map((d, i) => [d.id, i]));
    return {
      port: adapter,
      devices: connected.devices,
      levelOf: (device, feature) => {
        const index = indexOf.get(device) ?? -1;
        const featureIndex = Number(feature.split('-').at(-1));
        return server.output(index, featureIndex)?.value ?? Number.NaN;
      },
      // Lush and Nora: every output's range ends at 20. Written out, so the suite checks the
      // mapping rather than restating it.
      expected: (level) => Math.floor(level * 20),
      wire: {
        on: (listener) => adapter.on(listener),
        loseConnection: () => {
          server.dropClient();
        },
        sendBadFrame: () => {
          server.sendRaw('[{"DeviceList":{"Id":0,"Devices":{"0":{"DeviceIndex":"zero"}}}}]');
        },
        confirmStop: () => adapter.confirmStop(),
        requestTimeoutMs: 1000,
        stopAnswering: () => {
          server.ignoreClient(true);
        },
        settleMs: 100,
        timeoutMs: 1000,
      },
      dispose: async () => {
        await adapter.close();
      },
    };
  },
  { wire: true },
);
