import { closeSync, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import type { Result } from '../../core';
import { databasePath, defaultDataDir } from '../../server/store/data-dir';
import type { DataOptions } from '../../server/store/open-data';
import { sqliteCode, type StoreError } from '../../server/store/store-error';
import { stringFlag, type Flags } from '../args';
import { EXIT } from '../io';
import { EXIT_LOCKED } from '../passphrase/passphrase-sources';

/** The flags every `redline data` command shares. */
export const DATA_FLAG = { data: { type: 'string' } } as const;
/** For the commands that open the store (all but `delete`). */
export const PASSPHRASE_FILE_FLAG = { 'passphrase-file': { type: 'string' } } as const;
export const HELP_FLAG = { help: { type: 'boolean', short: 'h' } } as const;

export type DataPlace = Readonly<{ dir: string; database: string; options: DataOptions }>;

/**
 * The data folder (`--data`, or the platform's default, as `serve` uses) and how to open its
 * store: with `passphrase` (see `DataRun`), for an encrypted store.
 */
export function dataPlace(flags: Flags, env: NodeJS.ProcessEnv, passphrase?: string): DataPlace {
  const dir = stringFlag(flags, 'data') ?? defaultDataDir(env, process.platform, homedir());
  return {
    dir,
    database: databasePath(dir),
    options: passphrase === undefined ? {} : { passphrase },
  };
}

/**
 * The exit status for a store that would not open: 4 (as `serve` uses) when it stayed locked —
 * encrypted and given no passphrase or the wrong one — otherwise 2.
 */
export function openFailureStatus(error: StoreError): number {
  return sqliteCode(error.cause) === 'SQLITE_NOTADB' ? EXIT_LOCKED : EXIT.usage;
}

/**
 * Writes `text` to a file only its owner can read (mode 0600), also when the file was already
 * there with a wider mode: the mode is set before a byte is written. Synced before it returns.
 */
export function writePrivateFile(path: string, text: string): Result<void> {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w', 0o600);
    fchmodSync(fd, 0o600);
    writeSync(fd, text);
    fsyncSync(fd);
    return { ok: true, value: undefined };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : error instanceof Error
              ? error.message
              : String(error);
    return { ok: false, errors: [`cannot write ${path}: ${why}`] };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
