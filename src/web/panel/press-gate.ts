/**
 * A button fires on pointerdown and on Enter/Space, the fastest moments there are. A click
 * follows both of those, and must not fire again (a second yellow would lower the toys further);
 * but a click on its own (a screen reader, a switch device) must still fire.
 */
export type PressSource = 'pointer' | 'key' | 'click';
export const CLICK_FOLLOWS_WITHIN_MS = 1000;

export type PressGate = { shouldFire(source: PressSource, now: number): boolean };

export function createPressGate(): PressGate {
  let lastDirect = Number.NEGATIVE_INFINITY;
  return {
    shouldFire(source, now) {
      if (source !== 'click') {
        lastDirect = now;
        return true;
      }
      return now - lastDirect > CLICK_FOLLOWS_WITHIN_MS;
    },
  };
}
