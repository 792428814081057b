import { EXIT, type CliIo } from '../io';
import { booleanFlag, parseFlags, stringFlag } from '../args';
import { USAGE } from '../usage';
import { runOverButtplug } from './live-run';
import { loadScenario, sceneIdFor } from './load-scenario';
import { openLog, printTitle, recordPrinter, type RunOutputOptions } from './run-output';
import { runScenario } from './run-scenario';
import type { Scenario } from './scenario';

const OPTIONS = {
  scenario: { type: 'string' },
  json: { type: 'boolean' },
  log: { type: 'string' },
  buttplug: { type: 'string' },
  'scan-ms': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DEFAULT_SCAN_MS = 3000;
const MAX_SCAN_MS = 60_000;

export function simCommand(args: readonly string[], io: CliIo): number | Promise<number> {
  const fail = (errors: readonly string[]) => {
    io.stderr(errors.map((e) => `redline sim: ${e}\n`).join(''));
    return EXIT.usage;
  };
  const flags = parseFlags(args, OPTIONS, 0);
  if (!flags.ok) return fail([...flags.errors, 'see redline --help']);
  if (booleanFlag(flags.value, 'help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const path = stringFlag(flags.value, 'scenario');
  if (path === undefined) return fail(['--scenario FILE is required', 'see redline --help']);
  const url = stringFlag(flags.value, 'buttplug');
  const scanText = stringFlag(flags.value, 'scan-ms');
  if (url === undefined && scanText !== undefined)
    return fail(['--scan-ms only applies with --buttplug URL', 'see redline --help']);
  if (url !== undefined && !isWebSocketUrl(url))
    return fail([`--buttplug must be a ws:// or wss:// address, not "${url}"`]);
  const scanMs = scanText === undefined ? DEFAULT_SCAN_MS : wholeNumber(scanText, MAX_SCAN_MS);
  if (scanMs === undefined)
    return fail([`--scan-ms must be a whole number from 0 to ${MAX_SCAN_MS}, not "${scanText}"`]);
  const scenario = loadScenario(path);
  if (!scenario.ok) return fail(scenario.errors);
  const output = {
    json: booleanFlag(flags.value, 'json'),
    logPath: stringFlag(flags.value, 'log'),
    prefix: 'redline sim',
  };
  const sceneId = sceneIdFor(path);
  if (url === undefined) return simulate(scenario.value, sceneId, io, output);
  return runOverButtplug(scenario.value, sceneId, io, { ...output, url, scanMs });
}

function isWebSocketUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'ws:' || protocol === 'wss:';
  } catch {
    return false;
  }
}

/** A whole number from 0 to max, written in digits only; undefined otherwise. */
function wholeNumber(text: string, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

/** Runs a valid scenario on the simulated clock and prints it; shared by `sim` and `demo --fast`. */
export function simulate(
  scenario: Scenario,
  sceneId: string,
  io: CliIo,
  options: RunOutputOptions,
): number {
  const log = openLog(options, io);
  if (log === null) return EXIT.usage;
  printTitle(scenario, options, io);
  try {
    runScenario(scenario, sceneId, { log, emit: recordPrinter(options, io) });
  } finally {
    log.close?.();
  }
  return EXIT.ok;
}
