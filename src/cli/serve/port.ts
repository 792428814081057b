import type { Result } from '../../core';

/** A TCP port from a flag: a whole number 0–65535 (0 = any free port). */
export function parsePort(input: string | undefined, fallback: number): Result<number> {
  if (input === undefined) return { ok: true, value: fallback };
  if (!/^\d{1,5}$/.test(input))
    return { ok: false, errors: ['must be a whole number from 0 to 65535'] };
  const port = Number(input);
  return port <= 65535
    ? { ok: true, value: port }
    : { ok: false, errors: ['must be at most 65535'] };
}
