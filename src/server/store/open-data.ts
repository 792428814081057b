import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from './database';
import { openStore, type Store } from './store';
import { StoreError } from './store-error';

/** How "your data" (export, import, the CSV of a scene) opens the store's file. */
export type DataOptions = Readonly<{
  /** The store's passphrase, if it is encrypted (decision 0014); a new store is created with it. */
  passphrase?: string;
}>;

/**
 * Opens the store's file the way the server does (pragmas, refusing a newer file, migrating),
 * on a connection of its own, so a running server can keep writing (WAL). `create: false`
 * refuses a missing file instead of creating an empty store.
 */
export function openDataFile(
  path: string,
  options: DataOptions & { create: boolean },
): Database.Database {
  if (!options.create && !existsSync(path))
    throw new StoreError(`there is no Redline store at ${path}`);
  return openDatabase(path, { passphrase: options.passphrase });
}

/** The store at `path` as the server opens it, refusing a missing file instead of creating one. */
export function openExistingStore(path: string, options: DataOptions = {}): Store {
  if (!existsSync(path)) throw new StoreError(`there is no Redline store at ${path}`);
  return openStore({ path, passphrase: options.passphrase });
}
