import type { ServerFrame } from '../../protocol/view';

/** Frames already written out: a broadcast is serialised once, however many screens get it. */
const written = new WeakMap<ServerFrame, string>();
/** A scene's agreement and devices never change while it runs: each is written out once. */
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
 * order of keys, made once per frame object. A view's agreement and devices — more than half of
 * it — are reused from the first view of the scene rather than written out again every time.
 */
export function frameText(frame: ServerFrame): string {
  let text = written.get(frame);
  if (text !== undefined) return text;
  if (frame.type === 'view') {
    const { agreement, devices, ...rest } = frame.view;
    const moving = JSON.stringify(rest);
    text =
      `{"type":"view","effects":${JSON.stringify(frame.effects)},"view":{"agreement":${part(agreement)},` +
      `"devices":${part(devices)},${moving.slice(1)}}`;
  } else text = JSON.stringify(frame);
  written.set(frame, text);
  return text;
}
