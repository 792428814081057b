import { booleanFlag, parseFlags, stringFlag } from '../args';
import { EXIT, type CliIo } from '../io';
import {
  givenPassphrase,
  PASSPHRASE_ENV,
  processSecretSources,
  type SecretSources,
} from '../passphrase/passphrase-sources';
import { currentPassphrase, kindOf } from '../passphrase/unlock';
import { csvCommand } from './csv-command';
import { DATA_FLAG, dataPlace, HELP_FLAG, PASSPHRASE_FILE_FLAG } from './data-options';
import type { DataRun } from './data-run';
import { deleteCommand } from './delete-command';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';

export const DATA_USAGE = `Usage: redline data <command> [options]

Your data: everything Redline keeps, in the data folder (docs/data.md). Nothing leaves this
machine unless you move the file yourself.

Commands:
  export [--out FILE] [--data DIR] [--passphrase-file FILE]
      Write every table of the store as one JSON document to standard output, or to FILE
      (created readable by you only, mode 0600). It is not encrypted: keep it private.
  import --in FILE [--data DIR] [--passphrase-file FILE]
      Write an export back into the store (created if missing), all or nothing: an invalid
      file, or a row already in the store, is refused with nothing written.
  delete --yes [--data DIR]
      Delete the store and the files SQLite keeps beside it, for good. Without --yes, say
      what would be deleted and exit 2. Refused while Redline is running: close it first.
  csv --scene ID [--out FILE] [--data DIR] [--passphrase-file FILE]
      A scene's trace as CSV (t_ms,pressure,hr,output): its readings and governed output.

  --data DIR   the data folder (default: ~/.local/share/redline, or the platform's equivalent)
  --passphrase-file FILE
               an encrypted store's passphrase, the file's first line (the file must be
               private to you: chmod 600); import creates a new store with it
  REDLINE_PASSPHRASE  the same, from the environment (give one or the other, not both)
               On a terminal, an encrypted store given neither asks for its passphrase (not
               shown as you type). A store that stays locked exits 4.
`;

type Command = Readonly<{
  options: Parameters<typeof parseFlags>[1];
  run: (run: DataRun) => number;
  /** Whether it opens the store (and so may need its passphrase). */
  opensStore: boolean;
}>;

const COMMANDS: Readonly<Record<string, Command>> = {
  export: {
    options: { ...DATA_FLAG, ...PASSPHRASE_FILE_FLAG, ...HELP_FLAG, out: { type: 'string' } },
    run: exportCommand,
    opensStore: true,
  },
  import: {
    options: { ...DATA_FLAG, ...PASSPHRASE_FILE_FLAG, ...HELP_FLAG, in: { type: 'string' } },
    run: importCommand,
    opensStore: true,
  },
  delete: {
    options: { ...DATA_FLAG, ...HELP_FLAG, yes: { type: 'boolean' } },
    run: deleteCommand,
    opensStore: false,
  },
  csv: {
    options: {
      ...DATA_FLAG,
      ...PASSPHRASE_FILE_FLAG,
      ...HELP_FLAG,
      scene: { type: 'string' },
      out: { type: 'string' },
    },
    run: csvCommand,
    opensStore: true,
  },
};

/** `redline data export|import|delete|csv`: export, import, delete and the CSV of a scene. */
export async function dataCommand(
  args: readonly string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
  sources: SecretSources = processSecretSources(),
): Promise<number> {
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
  let passphrase: string | undefined;
  if (command.opensStore) {
    const given = givenPassphrase({ ...sources, env }, PASSPHRASE_ENV, {
      flag: '--passphrase-file',
      path: stringFlag(flags.value, 'passphrase-file'),
    });
    if (!given.ok) return fail(given.errors);
    passphrase = given.value ?? undefined;
    // Nothing given for an encrypted store: ask, on a terminal (checked, a few tries). Anything
    // else is left to the command, which says what is wrong (a missing store, a wrong passphrase).
    const { database } = dataPlace(flags.value, env);
    if (passphrase === undefined && sources.ask !== null && kindOf(database) === 'encrypted') {
      const unlocked = await currentPassphrase(database, null, sources, (text) => {
        io.stderr(text);
      });
      if (!unlocked.ok) return fail([unlocked.message], unlocked.status);
      passphrase = unlocked.passphrase;
    }
  }
  return command.run({ flags: flags.value, io, env, passphrase, fail });
}
