import { readFileSync, statSync } from 'node:fs';
import type { Result } from '../core';

/** Larger than any scenario or scene log Redline writes (a six-hour log is about 15 MB). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Reads a whole text file; a missing or unreadable file is an expected failure, not a crash. */
export function readText(path: string, maxBytes = MAX_INPUT_BYTES): Result<string> {
  try {
    const size = statSync(path).size;
    if (size > maxBytes)
      return { ok: false, errors: [`cannot read ${path}: it is larger than ${maxBytes} bytes`] };
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (error) {
    return { ok: false, errors: [describeFileError(path, error)] };
  }
}

/** Why a file could not be read, in words: `cannot read PATH: no such file`. */
export function describeFileError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : error instanceof Error
            ? error.message
            : String(error);
  return `cannot read ${path}: ${why}`;
}

/** Parses JSON and says where it broke, as `line L, column C`. */
export function parseJson(text: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    if (position === undefined || /line \d+/.test(message)) return { ok: false, errors: [message] };
    const before = text.slice(0, Number(position)).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    const what = message.replace(/\s*(in JSON )?at position \d+.*$/, '');
    return { ok: false, errors: [`${what} at line ${line}, column ${column}`] };
  }
}
