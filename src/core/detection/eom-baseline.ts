import type { OrgasmDetector, Sensitivity } from './orgasm-detector';
import type { Sample } from './trace';

/**
 * An Edge-o-Matic-style baseline: the rule issue 6 quotes ("4 contraction peaks 500–1200 ms
 * apart, standard deviation ≤ 200 ms, ≥ 40 counts above the preceding trough, 5 s
 * sustained-pressure fallback"), with the Edge-o-Matic 3000 firmware's own choices wherever the
 * sentence is silent. docs/decisions/0010-orgasm-detection.md says exactly how it is read.
 *
 * - Peaks: the firmware's comparator over the samples as they come, a sample higher than the
 *   one before and at least as high as the one after, at least 40 counts above the lowest
 *   sample since the previous peak. Four in a row whose intervals (all of them, as far back as
 *   they stay within 500–1200 ms) have a standard deviation of at most 200 ms: an orgasm.
 * - Sustained pressure: a slow baseline (exponential average, 5 s time constant) follows the
 *   pressure, but only downwards while the pressure is held. Pressure 40 counts above it starts
 *   the hold; more than 500 ms back below ends it; a hold of 5 s is an orgasm.
 * - After an orgasm: nothing until the pressure has stayed near the baseline for 3 s.
 *
 * `gated: true` is the firmware's own structure, where peaks only count during a hold (and a
 * hold's end forgets them); the sentence does not ask for that, so the default counts
 * peaks all the time. The decision record gives the figures of both.
 */
export const EOM_RULE = {
  baselineTauMs: 5000,
  sustainedThreshold: 40,
  sustainedFallbackMs: 5000,
  sustainedDropoutMs: 500,
  peakMinAmplitude: 40,
  minPeaks: 4,
  intervalMinMs: 500,
  intervalMaxMs: 1200,
  intervalMaxSdMs: 200,
  /** Firmware, gated only: a rhythm with no new peak for this long is lost. */
  rhythmTimeoutMs: 1500,
  recoveryMs: 3000,
  /** The firmware's optional running average (`use_average_values`); off by default. */
  smoothingMs: 0,
  gated: false,
} as const;

export type EomRule = {
  readonly [K in keyof typeof EOM_RULE]: (typeof EOM_RULE)[K] extends boolean ? boolean : number;
};

/** Sensitivity scales both amplitudes: low needs half as much again, high two thirds. */
const SCALE: Readonly<Record<Sensitivity, number>> = { low: 1.5, normal: 1, high: 2 / 3 };
const PEAK_MEMORY = 8;

type State = 'idle' | 'sustained' | 'rhythmic' | 'detected';

/** `rule` is for measuring variants of the reading; `createDetector` uses the default. */
export function createEomBaseline(
  sensitivity: Sensitivity,
  rule: EomRule = EOM_RULE,
): OrgasmDetector {
  const threshold = rule.sustainedThreshold * SCALE[sensitivity];
  const minAmplitude = rule.peakMinAmplitude * SCALE[sensitivity];

  let state: State = 'idle';
  let baseline: number | undefined;
  let lastT = 0;
  let prev: [number, number] | undefined; // the two samples before this one
  let trough = Infinity;
  let peaks: number[] = [];
  let holdStart = 0;
  let lastAbove = 0;
  let detectedAt = 0;
  const recent: { t: number; p: number }[] = [];

  const forget = () => {
    peaks = [];
    trough = Infinity;
  };

  /** The comparator: is the previous sample a peak high enough over the trough? */
  const peakAt = (p: number): boolean => {
    if (prev === undefined) return false;
    const [a, b] = prev;
    if (b > a && b >= p && b - trough >= minAmplitude) {
      trough = p;
      return true;
    }
    if (p < trough) trough = p;
    return false;
  };

  const rhythmic = (needed: number): boolean => {
    if (peaks.length < needed) return false;
    const intervals: number[] = [];
    for (let i = peaks.length - 1; i > 0; i--) {
      const gap = (peaks[i] ?? 0) - (peaks[i - 1] ?? 0);
      if (gap < rule.intervalMinMs || gap > rule.intervalMaxMs) break;
      intervals.push(gap);
    }
    if (intervals.length < needed - 1) return false;
    const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
    const variance = intervals.reduce((a, b) => a + (b - mean) ** 2, 0) / intervals.length;
    return Math.sqrt(variance) <= rule.intervalMaxSdMs;
  };

  const detect = (t: number, confidence: number) => {
    state = 'detected';
    detectedAt = t;
    return confidence;
  };

  /** Peaks counted all the time (the default reading). */
  const ungatedPeaks = (t: number, p: number): number | undefined => {
    if (!peakAt(p)) return undefined;
    peaks.push(t);
    if (peaks.length > PEAK_MEMORY) peaks.shift();
    return rhythmic(rule.minPeaks) ? detect(t, 0.8) : undefined;
  };

  const step = (t: number, p: number): number | undefined => {
    const dt = t - lastT;
    lastT = t;
    if (baseline === undefined) baseline = p;
    else if (state === 'idle' || p < baseline)
      baseline += (1 - Math.exp(-dt / rule.baselineTauMs)) * (p - baseline);
    const above = p - baseline;

    switch (state) {
      case 'idle': {
        if (above >= threshold) {
          state = 'sustained';
          holdStart = t;
          lastAbove = t;
          if (rule.gated) {
            forget();
            trough = p;
          }
        }
        return rule.gated ? undefined : ungatedPeaks(t, p);
      }
      case 'sustained': {
        if (above >= threshold) lastAbove = t;
        else if (t - lastAbove > rule.sustainedDropoutMs) {
          state = 'idle';
          if (rule.gated) forget();
          return rule.gated ? undefined : ungatedPeaks(t, p);
        }
        if (!rule.gated) {
          const rhythm = ungatedPeaks(t, p);
          if (rhythm !== undefined) return rhythm;
        } else if (peakAt(p)) {
          peaks.push(t);
          if (peaks.length > PEAK_MEMORY) peaks.shift();
          if (rhythmic(3)) {
            state = 'rhythmic';
            return undefined;
          }
        }
        return t - holdStart >= rule.sustainedFallbackMs ? detect(t, 0.5) : undefined;
      }
      case 'rhythmic': {
        if (peakAt(p)) {
          peaks.push(t);
          if (peaks.length > PEAK_MEMORY) peaks.shift();
        }
        const last = peaks[peaks.length - 1];
        if (last !== undefined && t - last > rule.rhythmTimeoutMs) {
          state = 'sustained';
          return undefined;
        }
        return rhythmic(rule.minPeaks) ? detect(t, 0.8) : undefined;
      }
      case 'detected':
        if (above < threshold / 2) {
          if (t - detectedAt >= rule.recoveryMs) {
            state = 'idle';
            forget();
          }
        } else detectedAt = t;
        return undefined;
    }
  };

  const smoothed = (t: number, p: number): number => {
    if (rule.smoothingMs <= 0) return p;
    recent.push({ t, p });
    while ((recent[0]?.t ?? t) <= t - rule.smoothingMs) recent.shift();
    return recent.reduce((a, r) => a + r.p, 0) / recent.length;
  };

  return {
    push(sample: Sample) {
      const p = smoothed(sample.t_ms, sample.pressure);
      const confidence = step(sample.t_ms, p);
      prev = [prev?.[1] ?? p, p];
      return confidence;
    },
  };
}
