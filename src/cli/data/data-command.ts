import { booleanFlag, parseFlags } from '../args';
import { EXIT, type CliIo } from '../io';
import { csvCommand } from './csv-command';
import { DATA_FLAG, HELP_FLAG } from './data-options';
import type { DataRun } from './data-run';
import { deleteCommand } from './delete-command';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';

export const DATA_USAGE = `Usage: redline data <command> [options]

Your data: everything Redline keeps, in the data folder (docs/data.md). Nothing leaves this
machine unless you move the file yourself.

Commands:
  export [--out FILE] [--data DIR]
      Write every table of the store as one JSON document to standard output, or to FILE
      (created readable by you only, mode 0600). It is not encrypted: keep it private.
  import --in FILE [--data DIR]
      Write an export back into the store (created if missing), all or nothing: an invalid
      file, or a row already in the store, is refused with nothing written.
  delete --yes [--data DIR]
      Delete the store and the files SQLite keeps beside it, for good. Without --yes, say
      what would be deleted and exit 2. Refused while Redline is running: close it first.
  csv --scene ID [--out FILE] [--data DIR]
      A scene's trace as CSV (t_ms,pressure,hr,output): its readings and governed output.

  --data DIR   the data folder (default: ~/.local/share/redline, or the platform's equivalent)
  REDLINE_PASSPHRASE  an encrypted store's passphrase (import creates a new store with it);
               a store that stays locked exits 4
`;

type Command = Readonly<{
  options: Parameters<typeof parseFlags>[1];
  run: (run: DataRun) => number;
}>;

const COMMANDS: Readonly<Record<string, Command>> = {
  export: {
    options: { ...DATA_FLAG, ...HELP_FLAG, out: { type: 'string' } },
    run: exportCommand,
  },
  import: {
    options: { ...DATA_FLAG, ...HELP_FLAG, in: { type: 'string' } },
    run: importCommand,
  },
  delete: {
    options: { ...DATA_FLAG, ...HELP_FLAG, yes: { type: 'boolean' } },
    run: deleteCommand,
  },
  csv: {
    options: { ...DATA_FLAG, ...HELP_FLAG, scene: { type: 'string' }, out: { type: 'string' } },
    run: csvCommand,
  },
};

/** `redline data export|import|delete|csv`: export, import, delete and the CSV of a scene. */
export function dataCommand(
  args: readonly string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(DATA_USAGE);
    return EXIT.ok;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (name === undefined || command === undefined) {
    const problem = name === undefined ? 'a command is required' : `unknown command "${name}"`;
    io.stderr(`redline data: ${problem}\n\n${DATA_USAGE}`);
    return EXIT.usage;
  }
  const fail = (errors: readonly string[], status: number = EXIT.usage) => {
    io.stderr(errors.map((e) => `redline data ${name}: ${e}\n`).join(''));
    return status;
  };
  const flags = parseFlags(rest, command.options, 0);
  if (!flags.ok) return fail([...flags.errors, 'see redline data --help']);
  if (booleanFlag(flags.value, 'help')) {
    io.stdout(DATA_USAGE);
    return EXIT.ok;
  }
  return command.run({ flags: flags.value, io, env, fail });
}
