import { EXIT, type CliIo } from '../io';
import { booleanFlag, parseFlags } from '../args';
import { readText } from '../read-input';
import { USAGE } from '../usage';
import { jsonLine, readableLine } from '../sim/format';
import { openSession } from '../sim/session';
import { parseSceneLog } from './read-log';

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `redline replay FILE [--json]`: folds a log and prints it exactly as `sim` printed it. */
export function replayCommand(args: readonly string[], io: CliIo): number {
  const fail = (errors: readonly string[]) => {
    io.stderr(errors.map((e) => `redline replay: ${e}\n`).join(''));
    return EXIT.usage;
  };
  const flags = parseFlags(args, OPTIONS, 1);
  if (!flags.ok) return fail([...flags.errors, 'see redline --help']);
  if (booleanFlag(flags.value, 'help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const [path] = flags.value.positionals;
  if (path === undefined) return fail(['a log FILE is required', 'see redline --help']);
  const text = readText(path);
  if (!text.ok) return fail(text.errors);
  const log = parseSceneLog(text.value);
  if (!log.ok)
    return fail([
      `${path} is not a valid scene log (nothing was replayed):`,
      ...log.errors.map((e) => `  ${e}`),
    ]);

  const format = booleanFlag(flags.value, 'json') ? jsonLine : readableLine;
  // The log is being read, not written: the replayed loop appends nowhere.
  const session = openSession(log.value.created, {
    log: { append: () => undefined },
    emit: (record) => {
      io.stdout(`${format(record)}\n`);
    },
  });
  for (const event of log.value.events) session.dispatch(event);
  session.finish();
  return EXIT.ok;
}
