/** A contribution to a signal as a function of time, so any sampling rate sees the same body. */
export type Component = (t_ms: number) => number;

/**
 * A smooth pulse from 0 up to 1 and back: sine-squared rise, flat hold, cosine-squared fall.
 * Zero outside [onset, onset + rise + hold + fall].
 */
export function pulse(
  t_ms: number,
  onset_ms: number,
  riseMs: number,
  holdMs: number,
  fallMs: number,
): number {
  const x = t_ms - onset_ms;
  if (x <= 0) return 0;
  if (x < riseMs) return Math.sin((Math.PI / 2) * (x / riseMs)) ** 2;
  if (x < riseMs + holdMs) return 1;
  const y = x - riseMs - holdMs;
  if (y < fallMs) return Math.cos((Math.PI / 2) * (y / fallMs)) ** 2;
  return 0;
}

export function sum(components: readonly Component[]): Component {
  return (t) => components.reduce((acc, c) => acc + c(t), 0);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
