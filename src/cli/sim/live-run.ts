import { createButtplugAdapter } from '../../devices/buttplug/buttplug-adapter';
import type { DeviceAdapter } from '../../devices/adapter';
import { bridgeDevices } from '../../server/device-bridge';
import { mapDevices, translatePort, type DeviceMap } from '../../server/device-map';
import { driveInRealTime } from '../../server/realtime-driver';
import { createSceneClock, type SceneClock } from '../../server/scene-clock';
import { EXIT, type CliIo } from '../io';
import { processSignals, type SignalSource, type StopSignal } from '../signals';
import {
  openLog,
  printTitle,
  recordPrinter,
  type ClosableLog,
  type RunOutputOptions,
} from './run-output';
import { createdEvent } from './run-scenario';
import type { Scenario } from './scenario';
import { scenarioSchedule } from './schedule';
import { openSession } from './session';

export type LiveRunOptions = RunOutputOptions &
  Readonly<{
    /** The Buttplug v4 server: Intiface Central / Engine, or Redline's simulated one. */
    url: string;
    /** How long to scan when the server lists no device at first. */
    scanMs: number;
    signals?: SignalSource;
    /**
     * Runs alongside the scene from its creation (the demo prints its virtual toys); the function
     * it returns is called once every device is stopped, before the `end` line.
     */
    watch?: (clock: SceneClock) => () => void;
  }>;

/** No answer from the device server within this is a failure: a stop never waits on it. */
const REQUEST_TIMEOUT_MS = 3000;

/**
 * `sim --buttplug`: the scenario in real time, its devices mapped onto a Buttplug server's. It
 * ends as soon as the scene has stopped (aftercare needs no toys), or is closed, or when the
 * connection is lost, or when `untilMs` passes: then every device is stopped and the connection
 * closed before the `end` line. A signal stops every device first, then does the same.
 */
export async function runOverButtplug(
  scenario: Scenario,
  sceneId: string,
  io: CliIo,
  options: LiveRunOptions,
): Promise<number> {
  const report = (message: string) => {
    io.stderr(`${options.prefix}: ${message}\n`);
  };
  const log = openLog(options, io);
  if (log === null) return EXIT.usage;
  const adapter = createButtplugAdapter({
    url: options.url,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    scanMs: options.scanMs,
    // The run ends when the connection goes (the scene has stopped); nothing to come back to.
    reconnect: false,
  });
  try {
    const map = await connectAndMap(adapter, scenario, options, report);
    if (!map.ok) return map.status;
    return await runScene(adapter, map.value, scenario, sceneId, io, { ...options, log, report });
  } finally {
    log.close?.();
  }
}

async function connectAndMap(
  adapter: DeviceAdapter,
  scenario: Scenario,
  options: LiveRunOptions,
  report: (message: string) => void,
): Promise<{ ok: true; value: DeviceMap } | { ok: false; status: number }> {
  const stopReporting = adapter.on((event) => {
    if (event.type === 'error') report(event.message);
  });
  const connected = await adapter.connect();
  stopReporting();
  if (!connected.ok) {
    report(connected.error);
    report('is a Buttplug v4 server (Intiface Central, or redline devices --sim) running there?');
    await adapter.close();
    return { ok: false, status: EXIT.unreachable };
  }
  const map = mapDevices(scenario.devices, connected.devices);
  if (!map.ok) {
    report(`the devices at ${options.url} do not fit the scenario, so nothing was run:`);
    for (const error of map.errors) report(`  ${error}`);
    await adapter.close();
    return { ok: false, status: EXIT.usage };
  }
  return map;
}

type SceneRunOptions = LiveRunOptions &
  Readonly<{ log: ClosableLog; report: (message: string) => void }>;

async function runScene(
  adapter: DeviceAdapter,
  map: DeviceMap,
  scenario: Scenario,
  sceneId: string,
  io: CliIo,
  options: SceneRunOptions,
): Promise<number> {
  printTitle(scenario, options, io);
  const emit = recordPrinter(options, io);
  const clock = createSceneClock();
  const session = openSession(createdEvent(scenario, sceneId), {
    log: options.log,
    emit,
    devices: translatePort(adapter, map),
    live: true,
  });
  for (const link of map.links) emit({ t: 0, type: 'device-map', ...link });
  const unwatch = options.watch?.(clock);
  const done = () =>
    session.stopPending || session.state.stop !== null || session.state.phase === 'closed';
  const run = driveInRealTime(scenarioSchedule(scenario, session, done), {
    clock,
    untilMs: scenario.untilMs,
    done,
  });
  // Device news and signals arrive from the event loop, never during the synchronous start above.
  const detach = bridgeDevices(adapter, {
    map,
    dispatch: (event) => {
      session.dispatch(event);
      run.check();
    },
    now: () => clock.now(),
    report: options.report,
    onConnectionLost: () => {
      run.cancel();
    },
  });
  const interrupted: { by: StopSignal | null } = { by: null };
  const stopListening = (options.signals ?? processSignals)((signal) => {
    if (interrupted.by !== null) return;
    interrupted.by = signal;
    adapter.stopAll(); // the toys first (S1); the rest of the shutdown follows
    run.cancel();
  });
  try {
    await run.ended;
  } finally {
    // Also when the schedule threw (a bug): no toy is left running behind an error (S5).
    stopListening();
    detach();
    adapter.stopAll();
    await adapter.close();
    unwatch?.();
  }
  session.finish();
  const signal = interrupted.by;
  if (signal === null) return EXIT.ok;
  options.report(`stopped by ${signal}: every device was told to stop and the connection closed`);
  return EXIT[signal];
}
