import type { ServerFrame } from '../../protocol/view';

/**
 * The view last written out and its text: a broadcast goes to its screens one after another, so
 * it is serialised once however many get it. (One entry, not a WeakMap of every view: at 1,000
 * scenes that was 10,000 entries a second for the GC to clear.)
 */
let lastView: ServerFrame | null = null;
let lastText = '';
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
 * order of keys, made once for all the screens a view goes to. A view's agreement, devices, limits and set-up —
 * more than half of it — are reused from an earlier view rather than written out every time.
 */
export function frameText(frame: ServerFrame): string {
  // Acks, errors and the rest go to one screen each: nothing to remember them by.
  if (frame.type !== 'view') return JSON.stringify(frame);
  if (frame === lastView) return lastText;
  const { agreement, devices, limits, setup, ...rest } = frame.view;
  const moving = JSON.stringify(rest);
  const text =
    `{"type":"view","effects":${JSON.stringify(frame.effects)},"view":{"agreement":${part(agreement)},` +
    `"devices":${part(devices)},"limits":${part(limits)},"setup":${part(setup)},${moving.slice(1)}}`;
  lastView = frame;
  lastText = text;
  return text;
}
