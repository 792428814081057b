import type { Rng } from './rng';
import type { Schedule, Window } from './schedule';
import { pulse, type Component } from './shapes';
import type { ArtifactLabel } from './trace';

/**
 * The commanded output: off, then a slow ramp from a low to a middle level, with pauses
 * (output back to 0, so every restart is another motor start) and jumps to full power.
 */
export type OutputPlan = Readonly<{
  output: (t_ms: number) => number;
  /** The body's and the sensor's response to the plan: start-up twitches, startle bumps. */
  pressure: Component;
  labels: readonly ArtifactLabel[];
  /** When the motor first starts (arousal builds from here), or 0 with no motor. */
  firstStart_ms: number;
}>;

type Twitches = Readonly<{ pressure: Component; end_ms: number }>;

/** 1–3 sharp reflex twitches from `start`, as a motor starting or jumping in power provokes. */
function twitches(rng: Rng, start: number, gapMs: readonly [number, number]): Twitches {
  const parts: Component[] = [];
  let onset = start + rng.uniform(0, 60);
  let end = onset;
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const amp = rng.uniform(40, 150);
    const rise = rng.uniform(80, 200);
    const fall = rng.uniform(150, 400);
    const at = onset;
    parts.push((t) => amp * pulse(t, at, rise, 0, fall));
    end = at + rise + fall;
    onset = at + rise + rng.uniform(gapMs[0], gapMs[1]);
  }
  return { pressure: (t) => parts.reduce((acc, c) => acc + c(t), 0), end_ms: Math.ceil(end) };
}

export function planOutput(
  rng: Rng,
  schedule: Schedule,
  durationMs: number,
  motorStarts: number,
  powerJumps: number,
  latestFirstStart_ms: number,
): OutputPlan {
  if (motorStarts === 0)
    return { output: () => 0, pressure: () => 0, labels: [], firstStart_ms: 0 };

  const labels: ArtifactLabel[] = [];
  const parts: Component[] = [];
  const low = rng.uniform(0.2, 0.35);
  const high = rng.uniform(0.4, 0.7);
  const coupling = rng.uniform(15, 50); // counts per unit of output: vibration pressing on the sensor

  const firstStart = Math.round(rng.uniform(2000, Math.max(2000, latestFirstStart_ms)));
  const first = twitches(rng, firstStart, [150, 500]);
  schedule.reserve({ start: firstStart - 2000, end: first.end_ms });
  labels.push({ type: 'motor-start', t_ms: firstStart, end_ms: first.end_ms });
  parts.push(first.pressure);

  const pauses: Window[] = [];
  for (let i = 1; i < motorStarts; i++) {
    const pauseMs = Math.round(rng.uniform(4000, 15_000));
    const restartTwitch = twitches(rng, 0, [150, 500]);
    const start = schedule.place(
      pauseMs + restartTwitch.end_ms,
      first.end_ms + 2000,
      durationMs - pauseMs - restartTwitch.end_ms - 1000,
    );
    const restart = start + pauseMs;
    pauses.push({ start, end: restart });
    labels.push({ type: 'motor-start', t_ms: restart, end_ms: restart + restartTwitch.end_ms });
    parts.push((t) => restartTwitch.pressure(t - restart));
  }

  const jumps: Window[] = [];
  for (let i = 0; i < powerJumps; i++) {
    const holdMs = Math.round(rng.uniform(2000, 8000));
    const startle = twitches(rng, 0, [300, 1000]);
    const lengthMs = Math.max(holdMs, startle.end_ms);
    const start = schedule.place(lengthMs, first.end_ms + 2000, durationMs - lengthMs - 1000);
    jumps.push({ start, end: start + holdMs });
    labels.push({ type: 'power-jump', t_ms: start, end_ms: start + lengthMs });
    parts.push((t) => startle.pressure(t - start));
  }

  const inside = (ws: readonly Window[], t: number) => ws.some((w) => t >= w.start && t < w.end);
  const output = (t: number): number => {
    if (t < firstStart || inside(pauses, t)) return 0;
    if (inside(jumps, t)) return 1;
    return low + ((high - low) * (t - firstStart)) / (durationMs - firstStart);
  };
  parts.push((t) => coupling * output(t));

  return {
    output,
    pressure: (t) => parts.reduce((acc, c) => acc + c(t), 0),
    labels,
    firstStart_ms: firstStart,
  };
}
