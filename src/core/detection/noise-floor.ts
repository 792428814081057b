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
  return new RunningNoise();
}

/**
 * A class, not a closure: this runs for every reading of every scene, and a number kept in a
 * closure's variable is boxed anew at every write, where an object's field is updated in place
 * (about 30 bytes of garbage per reading here; issue 8).
 */
class RunningNoise implements NoiseFloor {
  private sigma = INITIAL_SIGMA;
  private spacing = 50;
  private first: number | undefined = undefined;
  // The last two samples, as plain numbers.
  private held = 0;
  private aP = 0;
  private bT = 0;
  private bP = 0;

  push(t: number, p: number): void {
    this.first ??= t;
    if (this.held === 2) {
      const d2 = Math.abs(this.aP - 2 * this.bP + p);
      const clipped = Math.min(d2, 4 * D2_PER_SIGMA * this.sigma);
      const dt = t - this.bT;
      const tau = t - this.first < SETTLE_MS ? TAU_MS / 10 : TAU_MS;
      const alpha = 1 - Math.exp(-dt / tau);
      this.sigma = Math.max(MIN_SIGMA, this.sigma + alpha * (clipped / D2_PER_SIGMA - this.sigma));
      this.spacing += (1 - Math.exp(-dt / 2000)) * (dt - this.spacing);
    } else this.held += 1;
    this.aP = this.bP;
    this.bT = t;
    this.bP = p;
  }

  sampleSigma(): number {
    return this.sigma;
  }

  averagedSigma(spanMs: number): number {
    return this.sigma / Math.sqrt(Math.max(1, spanMs / this.spacing));
  }

  reset(): void {
    this.held = 0;
  }
}
