import type { CliIo } from './io';

/** An in-memory `CliIo` for tests: run `main` in-process and read what it printed. */
export function captureIo() {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  return {
    io,
    stdout: () => stdout,
    stderr: () => stderr,
    /** stdout as JSON lines (for --json). */
    records: () =>
      stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown> & { t: number; type: string }),
  };
}
