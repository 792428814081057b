import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createButtplugAdapter } from '../../src/devices/buttplug/buttplug-adapter';
import {
  startButtplugSimServer,
  type ButtplugSimServer,
} from '../../src/devices/buttplug-sim/server';
import { startServer, type RunningServer } from '../../src/server/start-server';

export type TestRedline = Readonly<{
  url: string;
  server: RunningServer;
  sim: ButtplugSimServer;
  dataDir: string;
  reports: string[];
  /** Stops Redline (every scene stopped first), keeps the data folder. */
  stop(): Promise<void>;
  /** Stops everything and removes the data folder. */
  close(): Promise<void>;
}>;

/** Real Redline on 127.0.0.1 with a real SQLite file and the simulated Buttplug server. */
export async function startTestRedline(
  options: {
    dataDir?: string;
    sim?: ButtplugSimServer;
    webRoot?: string;
    /** Encrypts the store with this passphrase (decision 0014). */
    passphrase?: string;
    /** Serves over HTTPS and WSS with this certificate and key (PEM). */
    tls?: { cert: string; key: string };
    /** When stopped scenes nobody watches leave memory (see `retireIdle`). */
    retire?: { afterMs: number; everyMs: number };
  } = {},
): Promise<TestRedline> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'redline-test-'));
  const sim =
    options.sim ??
    (await startButtplugSimServer({ port: 0, devices: ['Lovense Lush', 'Lovense Nora'] }));
  const reports: string[] = [];
  const started = await startServer({
    host: '127.0.0.1',
    port: 0,
    databasePath: join(dataDir, 'redline.sqlite'),
    passphrase: options.passphrase,
    devices: createButtplugAdapter({ url: sim.url, requestTimeoutMs: 1000, scanMs: 0 }),
    webRoot: options.webRoot ?? join(dataDir, 'no-web-app'),
    report: (m) => reports.push(m),
    tls: options.tls,
    retire: options.retire,
  });
  if (!started.ok) throw new Error(started.error);
  const { server } = started;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  return {
    url: server.url,
    server,
    sim,
    dataDir,
    reports,
    stop,
    async close() {
      await stop();
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
