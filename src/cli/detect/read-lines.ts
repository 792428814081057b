import { createReadStream, statSync } from 'node:fs';
import type { Result } from '../../core';
import { describeFileError } from '../read-input';

/** Far more than a night of samples at 100 Hz (about 60 MB); anything larger is not a trace. */
export const MAX_TRACE_BYTES = 200 * 1024 * 1024;
/** Rows are tens of characters and the Edge-o-Matic's frames at most 64 KiB. */
export const MAX_LINE_CHARS = 64 * 1024;

export type Line = Readonly<{ text: string; n: number; terminated: boolean }>;

/**
 * Reads a text file line by line without holding it whole, calling `onLine` for every line that
 * is not blank (a `\r` before the newline and a byte-order mark are dropped). `onLine` returns
 * an error to stop. Expected failures (missing file, too large, not UTF-8, a line too long)
 * are values.
 */
export async function forEachLine(
  path: string,
  onLine: (line: Line) => string | undefined,
  limits = { maxBytes: MAX_TRACE_BYTES, maxLineChars: MAX_LINE_CHARS },
): Promise<Result<void>> {
  const fail = (error: string): Result<void> => ({ ok: false, errors: [error] });
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail(`cannot read ${path}: it is a directory`);
    if (stat.size > limits.maxBytes)
      return fail(
        `${path} is ${stat.size} bytes, more than the ${limits.maxBytes} a trace may have: split it`,
      );
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let pending = '';
    let n = 0;
    let bytes = 0;
    const deliver = (raw: string, terminated: boolean): string | undefined => {
      n += 1;
      let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (n === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
      if (text.trim() === '') return undefined;
      try {
        return onLine({ text, n, terminated });
      } catch (error) {
        throw new FromCallback(error);
      }
    };
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      const buffer = chunk as Buffer;
      // The file may grow while it is read: the bound holds for what is read, too.
      bytes += buffer.length;
      if (bytes > limits.maxBytes)
        return fail(`${path} is more than the ${limits.maxBytes} bytes a trace may have: split it`);
      const parts = (pending + decoder.decode(buffer, { stream: true })).split('\n');
      pending = parts.pop() ?? '';
      for (const part of parts) {
        if (part.length > limits.maxLineChars) return fail(tooLong(n + 1, limits.maxLineChars));
        const error = deliver(part, true);
        if (error !== undefined) return fail(error);
      }
      if (pending.length > limits.maxLineChars) return fail(tooLong(n + 1, limits.maxLineChars));
    }
    pending += decoder.decode();
    if (pending !== '') {
      const error = deliver(pending, false);
      if (error !== undefined) return fail(error);
    }
    return { ok: true, value: undefined };
  } catch (error) {
    // A throw from `onLine` is a bug there (a broken invariant), not a problem with the file.
    if (error instanceof FromCallback) throw error.error;
    return fail(describeReadError(path, error));
  }
}

class FromCallback extends Error {
  constructor(readonly error: unknown) {
    super('thrown by onLine');
  }
}

const tooLong = (n: number, max: number) =>
  `line ${n} is longer than ${max} characters: this is not a text trace`;

function describeReadError(path: string, error: unknown): string {
  if (error instanceof TypeError && /encoded|decode/i.test(error.message))
    return `cannot read ${path}: it is not UTF-8 text`;
  return describeFileError(path, error);
}
