import {
  createDetector,
  createDistressWatch,
  type Agreement,
  type DistressWatch,
  type SceneEvent,
} from '../../core';

/**
 * A scene's sensors, read live: pressure (a Buttplug Pressure input, the Edge-o-Matic) through
 * the core's orgasm detector, heart rate (the panel's strap) through the agreed distress watch.
 * Each returns the scene event to submit, if any; the scene's rules decide what it does
 * (docs/decisions/0012). Readings are stamped with the scene clock, so a detector sees one
 * monotonic time; two readings in the same millisecond keep the first.
 */
export type SceneSensors = Readonly<{
  pressure(value: number, at: number, output: number): SceneEvent | null;
  heartRate(bpm: number, at: number): SceneEvent | null;
}>;

export function createSceneSensors(agreement: Agreement): SceneSensors {
  const detector = createDetector('redline');
  let lastPressureAt = -1;
  const distressAgreed = agreement.detection?.distress ?? null;
  const distress: DistressWatch | null =
    distressAgreed === null
      ? null
      : createDistressWatch(distressAgreed.hrCeilingBpm, distressAgreed.sustainSeconds * 1000);
  let lastHeartAt = -1;
  return {
    pressure(value, at, output) {
      if (at <= lastPressureAt || !Number.isFinite(value)) return null;
      lastPressureAt = at;
      const events = detector.push({
        t_ms: at,
        pressure: value,
        output: Math.min(1, Math.max(0, output)),
      });
      // Almost every reading decides nothing: look no further.
      if (events.length === 0) return null;
      const found = events.find((e) => e.type === 'orgasm');
      return found === undefined
        ? null
        : { type: 'orgasm.detected', at, by: 'sensor', confidence: found.confidence };
    },
    heartRate(bpm, at) {
      if (distress === null || at <= lastHeartAt) return null;
      lastHeartAt = at;
      return distress.push(at, bpm) === undefined
        ? null
        : { type: 'distress.detected', at, by: 'sensor' };
    },
  };
}
