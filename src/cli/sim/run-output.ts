import { createMemoryEventLog, type EventLog } from '../../server/event-log';
import { openJsonLinesEventLog } from '../../server/jsonl-event-log';
import type { CliIo } from '../io';
import { jsonLine, readableLine } from './format';
import type { SimRecord } from './records';
import type { Scenario } from './scenario';

/** How a scenario run prints and logs; shared by `sim`, `sim --buttplug` and `demo`. */
export type RunOutputOptions = Readonly<{
  json: boolean;
  logPath: string | undefined;
  /** Names the command in error messages. */
  prefix: string;
}>;

export type ClosableLog = EventLog & { close?: () => void };

/** The event log to write, or null (after saying why) when the file cannot be written. */
export function openLog(options: RunOutputOptions, io: CliIo): ClosableLog | null {
  if (options.logPath === undefined) return createMemoryEventLog();
  try {
    return openJsonLinesEventLog(options.logPath);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    io.stderr(`${options.prefix}: cannot write the log ${options.logPath}: ${why}\n`);
    return null;
  }
}

/** The readable timeline starts with the scenario's name and description; JSON lines do not. */
export function printTitle(scenario: Scenario, options: RunOutputOptions, io: CliIo): void {
  if (options.json) return;
  io.stdout(`${scenario.name}\n`);
  if (scenario.description !== undefined) io.stdout(`${scenario.description}\n`);
  io.stdout('\n');
}

export function recordPrinter(options: RunOutputOptions, io: CliIo): (record: SimRecord) => void {
  const format = options.json ? jsonLine : readableLine;
  return (record) => {
    io.stdout(`${format(record)}\n`);
  };
}
