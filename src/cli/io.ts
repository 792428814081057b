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
export const EXIT = { ok: 0, internal: 1, usage: 2 } as const;
