import { homedir } from 'node:os';
import { changePassphrase, passphraseProblem } from '../../server/store/encryption';
import { databasePath, defaultDataDir } from '../../server/store/data-dir';
import { StoreError } from '../../server/store/store-error';
import { booleanFlag, parseFlags, stringFlag, type Flags } from '../args';
import { EXIT, type CliIo } from '../io';
import {
  givenPassphrase,
  NEW_PASSPHRASE_ENV,
  PASSPHRASE_ENV,
  processSecretSources,
  type SecretSources,
} from './passphrase-sources';
import { currentPassphrase, kindOf, refuse, type Refusal } from './unlock';

export const PASSPHRASE_USAGE = `Usage: redline passphrase (--set | --change | --remove) [--data DIR]
                          [--passphrase-file FILE] [--new-passphrase-file FILE]
  Encrypt the store with a passphrase (--set), change it (--change) or decrypt the store
  (--remove). Close Redline first. The current passphrase comes from ${PASSPHRASE_ENV} or
  --passphrase-file, the new one from ${NEW_PASSPHRASE_ENV} or --new-passphrase-file (the
  first line of a file only its owner can read); on a terminal, whatever is missing is asked
  for without echo (the new one twice). A new passphrase has at least 8 characters.
`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  set: { type: 'boolean' },
  change: { type: 'boolean' },
  remove: { type: 'boolean' },
  data: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'new-passphrase-file': { type: 'string' },
} as const;

type Action = 'set' | 'change' | 'remove';

/**
 * `redline passphrase`: adds a passphrase to the store (encrypting the whole file), changes it,
 * or removes it (decrypting the file), then checks the store opens with what it now has
 * (decision 0014). Refused while Redline has the store open.
 */
export async function passphraseCommand(
  args: readonly string[],
  io: CliIo,
  overrides: { secrets?: SecretSources } = {},
): Promise<number> {
  const fail = (message: string, status: number = EXIT.usage) => {
    io.stderr(`redline passphrase: ${message}\n`);
    return status;
  };
  const flags = parseFlags(args, OPTIONS, 0);
  if (!flags.ok) return fail(flags.errors.join('; '));
  if (booleanFlag(flags.value, 'help')) {
    io.stdout(PASSPHRASE_USAGE);
    return EXIT.ok;
  }
  const actions = (['set', 'change', 'remove'] as const).filter((a) => booleanFlag(flags.value, a));
  const [action] = actions;
  if (action === undefined || actions.length > 1)
    return fail('give one of --set, --change and --remove');
  const path = databasePath(
    stringFlag(flags.value, 'data') ?? defaultDataDir(process.env, process.platform, homedir()),
  );
  const secrets = overrides.secrets ?? processSecretSources();
  const say = (text: string) => {
    io.stderr(text);
  };

  const plan = await passphrases(action, path, flags.value, secrets, say);
  if (!plan.ok) return fail(plan.message, plan.status);
  try {
    changePassphrase(path, plan.current, plan.next);
  } catch (error) {
    if (error instanceof StoreError) return fail(error.message);
    throw error;
  }
  io.stdout(DONE[action](path));
  return EXIT.ok;
}

const DONE: Record<Action, (path: string) => string> = {
  set: (path) =>
    `The store at ${path} is now encrypted. Keep the passphrase somewhere safe: without it ` +
    'nobody, Redline included, can open the store again.\n',
  change: (path) => `The passphrase of the store at ${path} has been changed.\n`,
  remove: (path) =>
    `The store at ${path} is no longer encrypted: anyone who can read the file can read what ` +
    'it holds.\n',
};

type Plan = Readonly<{ ok: true; current: string | null; next: string | null }> | Refusal;

/** The current and the new passphrase for `action`, each from its sources, checked. */
async function passphrases(
  action: Action,
  path: string,
  flags: Flags,
  secrets: SecretSources,
  say: (text: string) => void,
): Promise<Plan> {
  const currentFile = stringFlag(flags, 'passphrase-file');
  const nextFile = stringFlag(flags, 'new-passphrase-file');
  const kind = kindOf(path);
  if (typeof kind !== 'string') return kind;
  const encrypted = kind === 'encrypted';

  if (action === 'set') {
    if (encrypted)
      return refuse(`the store at ${path} already has a passphrase: use --change or --remove`);
    if (currentFile !== undefined || nonEmpty(secrets.env[PASSPHRASE_ENV]))
      return refuse(
        `the store at ${path} has no passphrase yet: give the new one in ` +
          `${NEW_PASSPHRASE_ENV} or with --new-passphrase-file (${PASSPHRASE_ENV} and ` +
          '--passphrase-file are for the current one)',
      );
  } else if (!encrypted) {
    return refuse(
      `the store at ${path} has no passphrase${action === 'change' ? ': use --set' : ''}`,
    );
  }
  if (action === 'remove' && (nextFile !== undefined || nonEmpty(secrets.env[NEW_PASSPHRASE_ENV])))
    return refuse(
      `--remove takes no new passphrase (${NEW_PASSPHRASE_ENV}, --new-passphrase-file)`,
    );

  let current: string | null = null;
  if (action !== 'set') {
    const given = givenPassphrase(secrets, PASSPHRASE_ENV, {
      flag: '--passphrase-file',
      path: currentFile,
    });
    if (!given.ok) return refuse(given.errors.join('; '));
    const unlocked = await currentPassphrase(path, given.value, secrets, say);
    if (!unlocked.ok) return unlocked;
    current = unlocked.passphrase ?? null;
  }
  if (action === 'remove') return { ok: true, current, next: null };

  const next = await newPassphrase(secrets, nextFile);
  if (!next.ok) return next;
  if (next.passphrase === current)
    return refuse('the new passphrase is the same as the current one: nothing was changed');
  return { ok: true, current, next: next.passphrase };
}

/** The new passphrase: from the environment or a file, or typed twice on a terminal. */
async function newPassphrase(
  secrets: SecretSources,
  file: string | undefined,
): Promise<Readonly<{ ok: true; passphrase: string }> | Refusal> {
  const given = givenPassphrase(secrets, NEW_PASSPHRASE_ENV, {
    flag: '--new-passphrase-file',
    path: file,
  });
  if (!given.ok) return refuse(given.errors.join('; '));
  let next = given.value;
  if (next === null) {
    const { ask } = secrets;
    if (ask === null)
      return refuse(
        `give the new passphrase in the environment variable ${NEW_PASSPHRASE_ENV} or with ` +
          '--new-passphrase-file FILE (there is no terminal here to ask for it)',
      );
    next = await ask('New passphrase (at least 8 characters): ');
    if (next === null || next === '')
      return refuse('no passphrase was entered: nothing was changed');
    const problem = passphraseProblem(next);
    if (problem !== null) return refuse(`${problem}: nothing was changed`);
    const again = await ask('The new passphrase again: ');
    if (again !== next) return refuse('the two entries differ: nothing was changed');
  }
  const problem = passphraseProblem(next);
  return problem === null ? { ok: true, passphrase: next } : refuse(problem);
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}
