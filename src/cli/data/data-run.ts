import type { Flags } from '../args';
import type { CliIo } from '../io';

/** What each `redline data` command gets: its parsed flags, where to write, the environment. */
export type DataRun = Readonly<{
  flags: Flags;
  io: CliIo;
  env: NodeJS.ProcessEnv;
  /**
   * The store's passphrase (REDLINE_PASSPHRASE, --passphrase-file, or asked for on a terminal
   * when the store is encrypted), or undefined; `delete` needs none.
   */
  passphrase: string | undefined;
  /** Prints each problem as `redline data <command>: …` and returns `status` (default 2). */
  fail: (errors: readonly string[], status?: number) => number;
}>;
