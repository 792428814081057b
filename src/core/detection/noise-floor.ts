/**
 * A running estimate of sensor noise (standard deviation, counts) from the raw samples, and of
 * what is left of it on the 50 ms grid. Second differences cancel the slow parts of the signal
 * (drift, arousal, output steps spread over a sample); outliers (contractions, twitches at low
 * rates) are clipped so they do not inflate it. Expected |d2| of white noise is √(12/π)·σ.
 */
const D2_PER_SIGMA = Math.sqrt(12 / Math.PI);
const SETTLE_MS = 5000;
const TAU_MS = 10_000;
const INITIAL_SIGMA = 3;
const MIN_SIGMA = 0.5;

export type NoiseFloor = Readonly<{
  push(t_ms: number, pressure: number): void;
  /** Noise of one raw sample. */
  sampleSigma(): number;
  /** Noise left after averaging over `spanMs` (one grid bin, or a smoothing window). */
  averagedSigma(spanMs: number): number;
  reset(): void;
}>;

export function createNoiseFloor(): NoiseFloor {
  let sigma = INITIAL_SIGMA;
  let spacing = 50;
  let first: number | undefined;
  // The last two samples, as plain numbers: this runs for every reading of every scene.
  let held = 0;
  let aP = 0;
  let bT = 0;
  let bP = 0;

  return {
    push(t, p) {
      first ??= t;
      if (held === 2) {
        const d2 = Math.abs(aP - 2 * bP + p);
        const clipped = Math.min(d2, 4 * D2_PER_SIGMA * sigma);
        const dt = t - bT;
        const tau = t - first < SETTLE_MS ? TAU_MS / 10 : TAU_MS;
        const alpha = 1 - Math.exp(-dt / tau);
        sigma = Math.max(MIN_SIGMA, sigma + alpha * (clipped / D2_PER_SIGMA - sigma));
        spacing += (1 - Math.exp(-dt / 2000)) * (dt - spacing);
      } else held += 1;
      aP = bP;
      bT = t;
      bP = p;
    },
    sampleSigma: () => sigma,
    averagedSigma: (spanMs) => sigma / Math.sqrt(Math.max(1, spanMs / spacing)),
    reset() {
      held = 0;
    },
  };
}
