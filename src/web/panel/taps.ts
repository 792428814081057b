/**
 * The tap pattern: taps anywhere on the panel outside its controls send `signal tapped`; the
 * server counts them against the agreement. The panel counts too, only to show progress.
 */
export type TapTarget = Readonly<{
  /** The agreement has a tap pattern. */
  configured: boolean;
  /** The scene has already stopped: nothing left to signal. */
  afterStop: boolean;
  /** The pointer landed on a button, link, field or the hold area. */
  onControl: boolean;
  /** A mouse's secondary button, for instance; touch and pen report 0. */
  button: number;
}>;

export function shouldSendTap(target: TapTarget): boolean {
  return target.configured && !target.afterStop && !target.onControl && target.button === 0;
}

/** The taps still inside the agreed window, with this one added. */
export function recordTap(taps: readonly number[], now: number, withinMs: number): number[] {
  return [...taps.filter((t) => now - t < withinMs && t <= now), now];
}

/** How far along the pattern is: e.g. 2 of 3. Resets once it is complete. */
export function tapProgress(
  taps: readonly number[],
  needed: number,
): { count: number; done: boolean } {
  return { count: Math.min(taps.length, needed), done: taps.length >= needed };
}
