import type { Rng } from './rng';
import type { Schedule, Window } from './schedule';
import { pulse, type Component } from './shapes';
import type { ArtifactLabel } from './trace';

export type BodyArtifacts = Readonly<{
  pressure: Component;
  labels: readonly ArtifactLabel[];
  gaps: readonly Window[];
}>;

/**
 * Artifacts that come from the body or the sensor rather than the output plan: voluntary
 * clenches of 1–3 s (to dodge stimulation; often stronger than orgasm contractions), movement
 * (a jolt, then the sensor sits a little differently) and dropped samples.
 */
export function bodyArtifacts(
  rng: Rng,
  schedule: Schedule,
  counts: Readonly<{ clench: number; movement: number; gap: number }>,
): BodyArtifacts {
  const parts: Component[] = [];
  const labels: ArtifactLabel[] = [];
  const gaps: Window[] = [];

  for (let i = 0; i < counts.clench; i++) {
    const lengthMs = Math.round(rng.uniform(1000, 3000));
    const rise = rng.uniform(150, 300);
    const fall = rng.uniform(200, 400);
    const hold = lengthMs - rise - fall;
    const amp = rng.uniform(80, 300);
    const tremorHz = rng.uniform(8, 12);
    const start = schedule.place(lengthMs);
    labels.push({ type: 'clench', t_ms: start, end_ms: start + lengthMs });
    parts.push((t) => {
      const p = pulse(t, start, rise, hold, fall);
      return p === 0 ? 0 : amp * p * (1 + 0.03 * Math.sin((2 * Math.PI * tremorHz * t) / 1000));
    });
  }

  for (let i = 0; i < counts.movement; i++) {
    const lengthMs = Math.round(rng.uniform(300, 1500));
    const amp = rng.uniform(60, 250) * (rng.chance(0.5) ? 1 : -1);
    const shift = rng.uniform(-40, 40);
    const start = schedule.place(lengthMs);
    labels.push({ type: 'movement', t_ms: start, end_ms: start + lengthMs });
    parts.push((t) => {
      if (t <= start) return 0;
      const after = shift * Math.min(1, (t - start) / lengthMs);
      return amp * pulse(t, start, 0.3 * lengthMs, 0, 0.7 * lengthMs) + after;
    });
  }

  for (let i = 0; i < counts.gap; i++) {
    const lengthMs = Math.round(rng.uniform(200, 3000));
    const start = schedule.place(lengthMs);
    labels.push({ type: 'gap', t_ms: start, end_ms: start + lengthMs });
    gaps.push({ start, end: start + lengthMs });
  }

  return { pressure: (t) => parts.reduce((acc, c) => acc + c(t), 0), labels, gaps };
}
