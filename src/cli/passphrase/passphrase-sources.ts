import { EXIT } from '../io';
import type { Result } from '../../core';
import { readSecretFile } from '../private-file';
import { askHidden } from './hidden-prompt';

/** The store's current passphrase, for `serve` and `passphrase --change/--remove`. */
export const PASSPHRASE_ENV = 'REDLINE_PASSPHRASE';
/** The passphrase `redline passphrase --set/--change` gives the store. */
export const NEW_PASSPHRASE_ENV = 'REDLINE_NEW_PASSPHRASE';

/**
 * Exit status when an encrypted store stays locked: no passphrase was given and there is no
 * terminal to ask for one, or the one given is wrong. Nothing was run or changed.
 */
export const EXIT_LOCKED = EXIT.locked;

/**
 * Where passphrases come from: the environment, files, and (on a terminal only) a prompt that
 * does not echo. Never from a plain command-line value, which any user can read in the process
 * list. Injectable, so tests give their own.
 */
export type SecretSources = Readonly<{
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Asks without echo; null when standard input is not a terminal (nobody can be asked). */
  ask: ((question: string) => Promise<string | null>) | null;
}>;

export function processSecretSources(): SecretSources {
  return {
    env: process.env,
    platform: process.platform,
    ask: process.stdin.isTTY ? (q) => askHidden(q, process.stdin, process.stderr) : null,
  };
}

/**
 * A passphrase given in the environment variable `envName` or in the file `file` (its first
 * line), or null when neither is given. Both at once is refused, so it is never unclear which
 * one was used.
 */
export function givenPassphrase(
  sources: SecretSources,
  envName: string,
  file: { flag: string; path: string | undefined },
): Result<string | null> {
  const fromEnv = sources.env[envName];
  const hasEnv = fromEnv !== undefined && fromEnv !== '';
  if (file.path !== undefined) {
    if (hasEnv) return { ok: false, errors: [`give either ${envName} or ${file.flag}, not both`] };
    return readPassphraseFile(file.path, sources.platform);
  }
  return { ok: true, value: hasEnv ? fromEnv : null };
}

/**
 * The first line of a passphrase file. On POSIX systems the file must be private to its owner
 * (no permission bits for group or others), as ssh requires of a private key.
 */
export function readPassphraseFile(path: string, platform: NodeJS.Platform): Result<string> {
  const text = readSecretFile(path, platform, 'a passphrase file');
  if (!text.ok) return text;
  const first = text.value.split(/\r?\n/, 1)[0] ?? '';
  if (first === '')
    return {
      ok: false,
      errors: [`${path}: its first line is empty (it should be the passphrase)`],
    };
  return { ok: true, value: first };
}
