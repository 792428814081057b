import type { ServerFrame } from '../../protocol/view';

/** Frames already written out: a broadcast is serialised once, however many screens get it. */
const written = new WeakMap<ServerFrame, string>();
/**
 * Parts of a view that rarely change, written out once per object: a scene's agreement and
 * devices never change while it runs, and its limits and set-up keep their object until they do.
 */
const parts = new WeakMap<object, string>();

const part = (value: object): string => {
  let text = parts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    parts.set(value, text);
  }
  return text;
};

/**
 * The JSON text of a frame for a screen: the same text `JSON.stringify(frame)` gives, up to the
 * order of keys, made once per frame object. A view's agreement, devices, limits and set-up —
 * more than half of it — are reused from an earlier view rather than written out every time.
 */
export function frameText(frame: ServerFrame): string {
  // Acks, errors and the rest go to one screen each: nothing to remember them by.
  if (frame.type !== 'view') return JSON.stringify(frame);
  let text = written.get(frame);
  if (text !== undefined) return text;
  const { agreement, devices, limits, setup, ...rest } = frame.view;
  const moving = JSON.stringify(rest);
  text =
    `{"type":"view","effects":${JSON.stringify(frame.effects)},"view":{"agreement":${part(agreement)},` +
    `"devices":${part(devices)},"limits":${part(limits)},"setup":${part(setup)},${moving.slice(1)}}`;
  written.set(frame, text);
  return text;
}
