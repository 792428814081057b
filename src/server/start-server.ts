import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { DeviceAdapter } from '../devices/adapter';
import { serverAddresses } from './addresses';
import { createAttemptLimiter } from './attempt-limiter';
import { connectDeviceHub, type DeviceHub } from './device-hub';
import { buildApp } from './http/app';
import {
  createNegotiationService,
  type NegotiationService,
} from './negotiation/negotiation-service';
import { createSceneRegistry, type SceneRegistry } from './scenes/scene-registry';
import { lockStore } from './store/data-lock';
import { openStore, type Store, type StoreConnection } from './store/store';

export type ServerOptions = Readonly<{
  /** 127.0.0.1 by default; 0.0.0.0 (or an address) to let a second phone on the LAN join. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  databasePath: string;
  /** The store's passphrase: its file is encrypted (decision 0014). Never logged. */
  passphrase?: string | undefined;
  devices: DeviceAdapter;
  webRoot: string;
  report(message: string): void;
  /** A certificate and its key (PEM): HTTPS and WSS instead of HTTP and WS (see buildApp). */
  tls?: Readonly<{ cert: string; key: string }> | undefined;
  /**
   * Tests only: how long a stopped scene stays in memory with no screen on it, and how often that
   * is looked at (defaults: an hour, each minute; see `retireIdle`).
   */
  retire?: Readonly<{ afterMs: number; everyMs: number }> | undefined;
  /** Fault tests only (test/faults): the store's own connection, to fail its writes for real. */
  storeFaultHook?: ((db: StoreConnection) => void) | undefined;
}>;

/** Where starting failed: reaching the toys, opening the data folder, or listening. */
export type StartStage = 'devices' | 'storage' | 'listen';

export type RunningServer = Readonly<{
  /** The address on this computer. */
  url: string;
  /** The address a second phone should open (the LAN address when listening on it). */
  panelBaseUrl: string;
  /** How many scenes came back (stopped) from the data folder. */
  restored: number;
  registry: SceneRegistry;
  /** Invitations, private answers, drafts, signatures and sealed agreements. */
  negotiations: NegotiationService;
  store: Store;
  hub: DeviceHub;
  /** Stops every scene (stop first, then recorded), then closes sockets, devices and storage. */
  close(): Promise<void>;
}>;

export async function startServer(
  options: ServerOptions,
): Promise<{ ok: true; server: RunningServer } | { ok: false; error: string; stage: StartStage }> {
  // Before anything opens the store: a second server would take the first one's live scenes
  // for ones a crash left behind (store/data-lock.ts).
  let locked: ReturnType<typeof lockStore>;
  try {
    locked = lockStore(options.databasePath);
  } catch (error) {
    return { ok: false, error: (error as Error).message, stage: 'storage' };
  }
  if (!locked.ok) return { ok: false, error: locked.error, stage: 'storage' };
  const { lock } = locked;
  const connected = await connectDeviceHub(options.devices);
  if (!connected.ok) {
    lock.release();
    return { ...connected, stage: 'devices' };
  }
  const { hub } = connected;
  hub.onReport(options.report);
  let store: Store;
  try {
    store = openStore({
      path: options.databasePath,
      passphrase: options.passphrase,
      faultHook: options.storeFaultHook,
      report: options.report,
    });
  } catch (error) {
    await hub.close();
    lock.release();
    return { ok: false, error: (error as Error).message, stage: 'storage' };
  }
  const registry = createSceneRegistry({
    store,
    hub,
    report: options.report,
    retireAfterMs: options.retire?.afterMs,
    retireEveryMs: options.retire?.everyMs,
  });
  const restored = registry.restore();
  const negotiations = createNegotiationService({
    store: store.negotiations,
    report: options.report,
    onWithdrawn: (negotiationId, by) => registry.withdrawConsent(negotiationId, by),
  });
  let panelBaseUrl = '';
  const app = await buildApp({
    registry,
    hub,
    negotiations,
    store,
    webRoot: options.webRoot,
    panelBaseUrl: () => panelBaseUrl,
    limiter: createAttemptLimiter({ max: 10, windowMs: 60_000 }),
    // `--host mybox.local`: the panel's link carries that name, so Redline answers to it.
    hostName: isIP(options.host) === 0 ? options.host : undefined,
    tls: options.tls,
  });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    registry.dispose();
    store.close();
    lock.release();
    await hub.close();
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${options.port} on ${options.host} is in use (is Redline already running?); choose another with --port`
        : (error as Error).message;
    return { ok: false, error: message, stage: 'listen' };
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const scheme = options.tls === undefined ? 'http' : 'https';
  const addresses = serverAddresses(options.host, port, scheme, lanAddress);
  const { url } = addresses;
  panelBaseUrl = addresses.panelBaseUrl;
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      registry.interruptAll();
      registry.dispose();
      await app.close();
      await hub.close();
      store.close();
      lock.release();
    })();
    return closing;
  };
  return {
    ok: true,
    server: { url, panelBaseUrl, restored, registry, negotiations, store, hub, close },
  };
}

/** The first IPv4 address on the LAN, for the panel's link; null if there is none. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}
