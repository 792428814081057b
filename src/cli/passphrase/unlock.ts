import { opensWith, passphraseProblem, storeFileKind } from '../../server/store/encryption';
import { StoreError } from '../../server/store/store-error';
import { EXIT } from '../io';
import { describeFileError } from '../read-input';
import { EXIT_LOCKED, PASSPHRASE_ENV, type SecretSources } from './passphrase-sources';

export type Refusal = Readonly<{ ok: false; message: string; status: number }>;
export type Unlocked = Readonly<{ ok: true; passphrase: string | undefined }> | Refusal;

/** A person typing gets this many tries before the command gives up. */
const PROMPT_TRIES = 3;

export const refuse = (message: string, status: number = EXIT.usage): Refusal => ({
  ok: false,
  message,
  status,
});

/** What the file at `path` is; an unreadable file is refused with the reason. */
export function kindOf(path: string): ReturnType<typeof storeFileKind> | Refusal {
  try {
    return storeFileKind(path);
  } catch (error) {
    return refuse(describeFileError(path, error));
  }
}

/**
 * The passphrase `redline serve` opens the store at `path` with: `given` (from the environment
 * or a file) for an encrypted store, or asked for on a terminal; none for a plain store. A new
 * store is created encrypted when a passphrase is given. A plain store given a passphrase is
 * refused rather than opened unencrypted behind the user's back.
 */
export async function passphraseToServe(
  path: string,
  given: string | null,
  sources: SecretSources,
  say: (text: string) => void,
): Promise<Unlocked> {
  const kind = kindOf(path);
  if (typeof kind !== 'string') return kind;
  switch (kind) {
    case 'plain':
      return given === null
        ? { ok: true, passphrase: undefined }
        : refuse(
            `the store at ${path} is not encrypted, but a passphrase was given ` +
              `(${PASSPHRASE_ENV} or --passphrase-file): to encrypt it, run ` +
              '"redline passphrase --set" first; to use it unencrypted, give no passphrase',
          );
    case 'new': {
      if (given === null) return { ok: true, passphrase: undefined };
      const problem = passphraseProblem(given);
      return problem === null ? { ok: true, passphrase: given } : refuse(problem);
    }
    case 'encrypted':
      return currentPassphrase(path, given, sources, say);
  }
}

/** The passphrase of the encrypted store at `path`: `given`, checked, or asked for and checked. */
export async function currentPassphrase(
  path: string,
  given: string | null,
  sources: SecretSources,
  say: (text: string) => void,
): Promise<Unlocked> {
  try {
    if (given !== null)
      return opensWith(path, given)
        ? { ok: true, passphrase: given }
        : refuse(
            `the passphrase given (${PASSPHRASE_ENV} or --passphrase-file) does not open the ` +
              `store at ${path}: wrong passphrase, or not a Redline store`,
            EXIT_LOCKED,
          );
    const { ask } = sources;
    if (ask === null)
      return refuse(
        `the store at ${path} is encrypted (or is not a Redline store): give its passphrase in ` +
          `the environment variable ${PASSPHRASE_ENV} or with --passphrase-file FILE (there is ` +
          'no terminal here to ask for it)',
        EXIT_LOCKED,
      );
    for (let tries = 1; tries <= PROMPT_TRIES; tries += 1) {
      const typed = await ask(`Passphrase of the store at ${path}: `);
      if (typed === null || typed === '') return refuse('no passphrase was entered', EXIT_LOCKED);
      if (opensWith(path, typed)) return { ok: true, passphrase: typed };
      if (tries < PROMPT_TRIES) say('That passphrase does not open the store. Try again.\n');
    }
    return refuse(
      `the passphrase does not open the store at ${path} (${PROMPT_TRIES} tries): wrong ` +
        'passphrase, or not a Redline store',
      EXIT_LOCKED,
    );
  } catch (error) {
    if (error instanceof StoreError) return refuse(error.message);
    throw error;
  }
}
