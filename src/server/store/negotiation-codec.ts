/**
 * How a negotiation's JSON values (answers, custom items, agreements) become the text of their
 * rows, and back: the one place to change when they are encrypted at rest (issue 7), as
 * `event-codec.ts` is for events. `decode` returns `unknown`: the server validates what comes
 * back from disk before anyone sees it.
 */
export type RecordCodec = Readonly<{
  encode(value: unknown): string;
  decode(text: string): unknown;
}>;

export const jsonRecordCodec: RecordCodec = {
  encode: (value) => JSON.stringify(value),
  decode: (text) => JSON.parse(text) as unknown,
};
