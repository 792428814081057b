import type { SceneEvent } from '../../core';

/**
 * How an event becomes the text of its row, and back. The one place to change when events are
 * encrypted at rest (issue 7). `decode` returns `unknown` because what comes back from disk is
 * validated again before anyone folds it.
 */
export type EventCodec = Readonly<{
  encode(event: SceneEvent): string;
  decode(text: string): unknown;
}>;

export const jsonEventCodec: EventCodec = {
  encode: (event) => JSON.stringify(event),
  decode: (text) => JSON.parse(text) as unknown,
};
