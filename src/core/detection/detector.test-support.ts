import {
  createDetector,
  type DetectionEvent,
  type DetectorName,
  type DetectorSettings,
} from './detector';
import type { Sample } from './trace';

/** Test helpers: every event a detector gives for a run of samples, in order. */
export function detectAll(
  name: DetectorName,
  samples: readonly Sample[],
  settings: Partial<DetectorSettings> = {},
): DetectionEvent[] {
  const detector = createDetector(name, settings);
  return samples.flatMap((s) => detector.push(s));
}

export function orgasmEvents(events: readonly DetectionEvent[]): DetectionEvent[] {
  return events.filter((e) => e.type === 'orgasm');
}

/** Samples every `stepMs` from `from` to `to` (exclusive), values by time. */
export function samplesOf(
  from: number,
  to: number,
  stepMs: number,
  at: (t_ms: number) => Omit<Sample, 't_ms'>,
): Sample[] {
  const samples: Sample[] = [];
  for (let t = from; t < to; t += stepMs) samples.push({ t_ms: t, ...at(t) });
  return samples;
}
