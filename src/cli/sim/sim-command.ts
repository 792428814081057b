import { EXIT, type CliIo } from '../io';
import { booleanFlag, parseFlags, stringFlag } from '../args';
import { USAGE } from '../usage';
import { createMemoryEventLog, type EventLog } from '../../server/event-log';
import { openJsonLinesEventLog } from '../../server/jsonl-event-log';
import { jsonLine, readableLine } from './format';
import { loadScenario, sceneIdFor } from './load-scenario';
import { runScenario } from './run-scenario';
import type { Scenario } from './scenario';

const OPTIONS = {
  scenario: { type: 'string' },
  json: { type: 'boolean' },
  log: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function simCommand(args: readonly string[], io: CliIo): number {
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
  const scenario = loadScenario(path);
  if (!scenario.ok) return fail(scenario.errors);
  return simulate(scenario.value, sceneIdFor(path), io, {
    json: booleanFlag(flags.value, 'json'),
    logPath: stringFlag(flags.value, 'log'),
    prefix: 'redline sim',
  });
}

export type SimulateOptions = Readonly<{
  json: boolean;
  logPath: string | undefined;
  /** Names the command in error messages. */
  prefix: string;
}>;

/** Runs a valid scenario and prints it; shared by `sim` and `demo`. */
export function simulate(
  scenario: Scenario,
  sceneId: string,
  io: CliIo,
  options: SimulateOptions,
): number {
  let log: EventLog & { close?: () => void };
  try {
    log =
      options.logPath === undefined
        ? createMemoryEventLog()
        : openJsonLinesEventLog(options.logPath);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    io.stderr(`${options.prefix}: cannot write the log ${options.logPath ?? ''}: ${why}\n`);
    return EXIT.usage;
  }
  const format = options.json ? jsonLine : readableLine;
  if (!options.json) {
    io.stdout(`${scenario.name}\n`);
    if (scenario.description !== undefined) io.stdout(`${scenario.description}\n`);
    io.stdout('\n');
  }
  try {
    runScenario(scenario, sceneId, {
      log,
      emit: (record) => {
        io.stdout(`${format(record)}\n`);
      },
    });
  } finally {
    log.close?.();
  }
  return EXIT.ok;
}
