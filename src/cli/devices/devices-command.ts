import { findDevice, loadCatalogue } from '../../devices/buttplug-sim/catalogue';
import { closeMatches } from '../../devices/buttplug-sim/close-matches';
import { DEFAULT_SIM_DEVICES, DEFAULT_SIM_PORT } from '../../devices/buttplug-sim/server';
import { booleanFlag, parseFlags, stringFlag, stringsFlag } from '../args';
import { EXIT, type CliIo } from '../io';
import { USAGE } from '../usage';
import { startVirtualToys } from './virtual-toys';

const OPTIONS = {
  sim: { type: 'boolean' },
  device: { type: 'string', multiple: true },
  port: { type: 'string' },
  'ping-ms': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Settings = { devices: string[]; port: number; maxPingTimeMs: number };

/** A whole number from 0 to max, written in digits only; undefined otherwise. */
function wholeNumber(text: string, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

function settings(
  args: readonly string[],
): { ok: true; value: Settings } | { ok: false; errors: string[] } {
  const flags = parseFlags(args, OPTIONS, 0);
  if (!flags.ok) return { ok: false, errors: [...flags.errors, 'see redline --help'] };
  const errors: string[] = [];
  if (!booleanFlag(flags.value, 'sim'))
    errors.push('--sim is required: the simulated device server is the only one this command runs');
  const portText = stringFlag(flags.value, 'port');
  const port = portText === undefined ? DEFAULT_SIM_PORT : wholeNumber(portText, 65535);
  if (port === undefined)
    errors.push(`--port must be a whole number from 0 to 65535, not "${portText ?? ''}"`);
  const pingText = stringFlag(flags.value, 'ping-ms');
  const maxPingTimeMs = pingText === undefined ? 0 : wholeNumber(pingText, 0xffffffff);
  if (maxPingTimeMs === undefined)
    errors.push(
      `--ping-ms must be a whole number of milliseconds, 0 or more, not "${pingText ?? ''}"`,
    );
  const wanted = stringsFlag(flags.value, 'device');
  const devices: string[] = [];
  const names = loadCatalogue().devices.map((d) => d.name);
  for (const name of wanted.length > 0 ? wanted : DEFAULT_SIM_DEVICES) {
    const found = findDevice(name);
    if (found !== undefined) {
      devices.push(found.name);
      continue;
    }
    const near = closeMatches(name, names);
    errors.push(
      near.length > 0
        ? `unknown device "${name}"; close matches: ${near.map((n) => `"${n}"`).join(', ')}`
        : `unknown device "${name}"; the names are listed in data/buttplug/devices.json`,
    );
  }
  if (errors.length > 0 || port === undefined || maxPingTimeMs === undefined)
    return { ok: false, errors };
  return { ok: true, value: { devices, port, maxPingTimeMs } };
}

/** Resolves on the first SIGINT or SIGTERM, and stops listening for them once settled. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

/**
 * `redline devices --sim`: runs the simulated Buttplug server until SIGINT or SIGTERM (or until
 * `stopWhen` settles, for tests), then stops every device and exits 0.
 */
export async function devicesCommand(
  args: readonly string[],
  io: CliIo,
  stopWhen?: Promise<unknown>,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const parsed = settings(args);
  if (!parsed.ok) {
    io.stderr(parsed.errors.map((e) => `redline devices: ${e}\n`).join(''));
    return EXIT.usage;
  }
  const { devices, port, maxPingTimeMs } = parsed.value;
  let toys;
  try {
    toys = await startVirtualToys({ devices, port, maxPingTimeMs }, io);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    io.stderr(
      `redline devices: port ${port} on 127.0.0.1 is in use (Intiface Central, or another simulator?); choose another with --port\n`,
    );
    return EXIT.usage;
  }
  await (stopWhen ?? untilSignal());
  await toys.stop();
  return EXIT.ok;
}
