import type { Rng } from './rng';
import { clamp, pulse } from './shapes';
import type { OrgasmIntensity } from './trace';

/**
 * Heart rate from the physiology in DESIGN.md: rising with arousal, peaking at orgasm
 * (110–170 bpm) and falling back within 20–120 s.
 */
export type HeartRateModel = Readonly<{
  bpm: (t_ms: number) => number;
  rest_bpm: number;
  peak?: Readonly<{ peak_bpm: number; peak_ms: number; recovery_ms: number }>;
}>;

/** Kept 3 bpm inside 110–170 so variability and jitter cannot push a reading outside. */
const PEAK: Readonly<Record<OrgasmIntensity, readonly [number, number]>> = {
  mild: [113, 130],
  moderate: [125, 150],
  intense: [145, 167],
};

/** Falls to within 5 % of the excess over rest by `recovery_ms`. */
const RECOVERY_RATE = 3;

export function heartRateModel(
  rng: Rng,
  arousal: (t_ms: number) => number,
  orgasm: Readonly<{ onset_ms: number; intensity: OrgasmIntensity }> | undefined,
): HeartRateModel {
  const rest = rng.uniform(60, 85);
  const arousalBpm = rng.uniform(10, 25);
  const wobbleBpm = rng.uniform(0, 2);
  const wobblePeriodMs = rng.uniform(20_000, 60_000);
  const wobble = (t: number) => wobbleBpm * Math.sin((2 * Math.PI * t) / wobblePeriodMs);
  if (orgasm === undefined)
    return { bpm: (t) => rest + arousalBpm * arousal(t) + wobble(t), rest_bpm: rest };

  const [minPeak, maxPeak] = PEAK[orgasm.intensity];
  const peakBpm = rng.uniform(minPeak, maxPeak);
  const peakMs = orgasm.onset_ms + rng.uniform(2000, 8000);
  const riseMs = rng.uniform(8000, 20_000);
  const recoveryMs = rng.uniform(20_000, 120_000);
  const surge = peakBpm - rest - arousalBpm;
  // Arousal is held at its height from the onset to the peak, so the rise never overshoots.
  const held = (t: number) => (t >= orgasm.onset_ms ? 1 : clamp(arousal(t), 0, 1));
  // Variability fades near the peak so the peak is the one the label states.
  const fade = (t: number) => 1 - pulse(t, peakMs - 15_000, 10_000, 10_000, 10_000);

  const bpm = (t: number): number => {
    if (t >= peakMs) {
      const excess = peakBpm - rest;
      return (
        rest + excess * Math.exp((-RECOVERY_RATE * (t - peakMs)) / recoveryMs) + wobble(t) * fade(t)
      );
    }
    return (
      rest +
      arousalBpm * held(t) +
      surge * pulse(t, peakMs - riseMs, riseMs, 0, 0) +
      wobble(t) * fade(t)
    );
  };
  return {
    bpm,
    rest_bpm: rest,
    peak: { peak_bpm: peakBpm, peak_ms: peakMs, recovery_ms: recoveryMs },
  };
}
