/**
 * The server names wrong fields in its message: `name: must not be empty; message: must be at
 * most 500 characters`. This puts each problem next to the field it names; the rest is shown
 * as a whole, in the server's own words.
 */
export type SplitErrors<F extends string> = { fields: Partial<Record<F, string>>; rest: string[] };

export function splitFieldErrors<F extends string>(
  message: string,
  fields: readonly F[],
): SplitErrors<F> {
  const out: SplitErrors<F> = { fields: {}, rest: [] };
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z]+)(?:[.[][^:]*)?: (.+)$/.exec(part);
    const field = fields.find((f) => f === match?.[1]);
    if (field !== undefined && match?.[2] !== undefined)
      out.fields[field] =
        out.fields[field] === undefined ? match[2] : `${out.fields[field]}; ${match[2]}`;
    else if (part.trim() !== '') out.rest.push(part);
  }
  return out;
}
