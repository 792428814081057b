/** Where the CLI writes; injectable so tests run commands in-process. */
export type CliIo = Readonly<{
  stdout(text: string): void;
  stderr(text: string): void;
}>;

export const processIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

/** Exit statuses, as docs/cli.md lists them. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  /** The device server (Intiface, or the simulated one) could not be reached. */
  unreachable: 3,
  /** An encrypted store stayed locked: no passphrase (no terminal to ask), or a wrong one. */
  locked: 4,
  /** Stopped by a signal: 128 + its number, as shells report it. */
  SIGINT: 130,
  SIGTERM: 143,
} as const;
