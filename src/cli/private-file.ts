import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Result } from '../core';
import { describeFileError } from './read-input';

/** A passphrase or a key file is small; anything larger is not one. */
const MAX_FILE_BYTES = 64 * 1024;

/**
 * The text of a file that holds a secret (a passphrase, a TLS key), named `what` in errors. On
 * POSIX systems it must be private to its owner (no permission bits for group or others), as ssh
 * requires of a private key; with `mustBePrivate` false (a certificate) any mode will do.
 */
export function readSecretFile(
  path: string,
  platform: NodeJS.Platform,
  what: string,
  mustBePrivate = true,
): Result<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { ok: false, errors: [describeFileError(path, error)] };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, errors: [`cannot read ${path}: it is not a file`] };
    const mode = stat.mode & 0o777;
    if (mustBePrivate && platform !== 'win32' && (mode & 0o077) !== 0)
      return {
        ok: false,
        errors: [
          `${path} can be read or changed by other users (its mode is ${mode.toString(8).padStart(4, '0')}): ` +
            `make it private with "chmod 600 ${path}", then try again`,
        ],
      };
    if (stat.size > MAX_FILE_BYTES)
      return { ok: false, errors: [`${path} is too large to be ${what}`] };
    return { ok: true, value: readFileSync(fd, 'utf8').replace(/^\uFEFF/, '') };
  } catch (error) {
    return { ok: false, errors: [describeFileError(path, error)] };
  } finally {
    closeSync(fd);
  }
}
