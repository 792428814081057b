import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Result } from '../core';

type Options = NonNullable<ParseArgsConfig['options']>;
export type Flags = Readonly<{
  values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  positionals: readonly string[];
}>;

/** Strict flag parsing: an unknown flag or a missing value is an error, never ignored. */
export function parseFlags(
  args: readonly string[],
  options: Options,
  maxPositionals: number,
): Result<Flags> {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > maxPositionals) {
      const extra = positionals.slice(maxPositionals).join(' ');
      return { ok: false, errors: [`unexpected argument: ${extra}`] };
    }
    return { ok: true, value: { values, positionals } };
  } catch (error) {
    // node:util explains the problem well (e.g. "Unknown option '--jsn'"); pass it on.
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
}

export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanFlag(flags: Flags, name: string): boolean {
  return flags.values[name] === true;
}

/** Every value of a flag declared with `multiple: true`, in the order given. */
export function stringsFlag(flags: Flags, name: string): string[] {
  const value = flags.values[name];
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}
