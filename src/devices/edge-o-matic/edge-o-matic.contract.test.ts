import { devicePortContract } from '../port.contract';
import { createEdgeOMaticAdapter, EOM_DEVICE } from './edge-o-matic-adapter';
import { startEdgeOMaticSim } from './edge-o-matic-sim';

// The Edge-o-Matic adapter, over a real local socket, against the simulated device.
devicePortContract(
  'the Edge-o-Matic adapter',
  async () => {
    const sim = await startEdgeOMaticSim();
    const adapter = createEdgeOMaticAdapter({
      url: sim.url,
      connectTimeoutMs: 1000,
      requestTimeoutMs: 1000,
      motorIntervalMs: 50,
      reconnect: { firstDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 },
      now: () => performance.now(),
    });
    const connected = await adapter.connect();
    if (!connected.ok) throw new Error(connected.error);
    return {
      port: adapter,
      devices: [EOM_DEVICE],
      levelOf: () => sim.motor(),
      // Written out rather than imported, so the suite checks the mapping, not restates it.
      expected: (level) => Math.floor(level * 255),
      wire: {
        on: (listener) => adapter.on(listener),
        loseConnection: () => {
          sim.dropConnections();
        },
        sendBadFrame: () => {
          sim.sendRaw('{"readings":{"pressure":"high","pavg":1,"arousal":1,"motor":0,"millis":1}}');
        },
        confirmStop: () => adapter.confirmStop(),
        requestTimeoutMs: 1000,
        stopAnswering: () => {
          sim.ignoreClients(true);
        },
        settleMs: 150,
        timeoutMs: 1000,
      },
      dispose: async () => {
        await adapter.close();
        await sim.close();
      },
    };
  },
  { wire: true },
);
