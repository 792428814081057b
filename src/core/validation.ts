import type { z } from 'zod';

/**
 * Validation at the edges, worded for people: every problem names its field
 * (`checkIn.answerTimeoutSeconds: must be …`) and says plainly what is wrong.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Formats a zod issue path as `checkIn.answerTimeoutSeconds` or `participants[1].role`. */
export function fieldPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

const ARTICLE: Readonly<Record<string, string>> = {
  array: 'a list',
  object: 'an object',
  record: 'an object',
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
};

/**
 * zod's own wording ("Invalid input: expected number, received undefined") made plain. A message
 * a schema wrote itself is kept as it is.
 */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (!issue.message.startsWith('Invalid') && !issue.message.startsWith('Unrecognized'))
    return issue.message;
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${ARTICLE[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'invalid_value' && issue.values.length > 0)
    return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  if (issue.code === 'unrecognized_keys')
    return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'}: ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  return issue.message;
}

/** Messages that name the field, one per problem. */
export function describeIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((i) => `${fieldPath(i.path, prefix)}: ${issueMessage(i)}`);
}

/** Validates untrusted input; nothing is coerced, every problem is named. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, prefix = ''): Result<T> {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: describeIssues(parsed.error, prefix) };
}
