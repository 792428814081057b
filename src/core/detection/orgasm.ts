import type { Rng } from './rng';
import { pulse, type Component } from './shapes';
import type { OrgasmIntensity } from './trace';

/**
 * Pressure at orgasm, relative to its onset (t = 0 is the first contraction's onset), from the
 * physiology in DESIGN.md: pelvic-floor contractions about 0.8 s apart, each gap about 0.1 s
 * longer than the last, amplitude rising then falling, 3–5 (mild) to 8–12 (intense) of them,
 * riding on a tonic rise; or, for some orgasms, no regular series but a sustained rise.
 */
export type OrgasmShape = Readonly<{
  pressure: Component;
  lengthMs: number;
  contractionOnsets_ms: readonly number[];
  contractionPeaks_ms: readonly number[];
}>;

const CONTRACTIONS: Readonly<Record<OrgasmIntensity, readonly [number, number]>> = {
  mild: [3, 5],
  moderate: [5, 8],
  intense: [8, 12],
};

/** Peak contraction amplitude, in counts. */
const AMPLITUDE: Readonly<Record<OrgasmIntensity, readonly [number, number]>> = {
  mild: [50, 100],
  moderate: [80, 160],
  intense: [120, 250],
};

export function orgasmShape(rng: Rng, intensity: OrgasmIntensity, regular: boolean): OrgasmShape {
  const [minAmp, maxAmp] = AMPLITUDE[intensity];
  const amplitude = rng.uniform(minAmp, maxAmp);
  return regular ? contractionSeries(rng, intensity, amplitude) : sustainedRise(rng, amplitude);
}

function contractionSeries(rng: Rng, intensity: OrgasmIntensity, amplitude: number): OrgasmShape {
  const [minCount, maxCount] = CONTRACTIONS[intensity];
  const count = rng.int(minCount, maxCount);
  const firstGapMs = rng.uniform(740, 860);
  const growthMs = rng.uniform(85, 115);
  const rise = rng.uniform(150, 220);
  const fall = rng.uniform(300, 450);
  // Amplitude climbs to a peak early in the series, then fades.
  const top = Math.max(1, Math.round((count - 1) * rng.uniform(0.2, 0.4)));

  const onsets: number[] = [];
  const parts: Component[] = [];
  let onset = 0;
  for (let k = 0; k < count; k++) {
    const relative =
      k <= top ? 0.5 + (0.5 * k) / top : 1 - (0.65 * (k - top)) / Math.max(1, count - 1 - top);
    const amp = amplitude * relative * rng.uniform(0.9, 1.1);
    const at = onset;
    onsets.push(at);
    parts.push((t) => amp * pulse(t, at, rise, 0, fall));
    const jitter = Math.max(-20, Math.min(20, rng.normal(0, 10)));
    onset = at + firstGapMs + k * growthMs + jitter;
  }
  const last = onsets[onsets.length - 1] ?? 0;
  const tonic = amplitude * rng.uniform(0.15, 0.35);
  const tonicFall = rng.uniform(1000, 2000);
  parts.push((t) => tonic * pulse(t, -100, 800, last, tonicFall));

  return {
    pressure: (t) => parts.reduce((acc, c) => acc + c(t), 0),
    lengthMs: Math.ceil(Math.max(last + rise + fall, last + 700 + tonicFall)),
    contractionOnsets_ms: onsets,
    contractionPeaks_ms: onsets.map((o) => o + rise),
  };
}

function sustainedRise(rng: Rng, amplitude: number): OrgasmShape {
  const height = amplitude * rng.uniform(0.6, 1.0);
  const rise = rng.uniform(800, 2000);
  const hold = rng.uniform(3000, 7000);
  const fall = rng.uniform(1000, 3000);
  const wobbleMs = rng.uniform(1500, 3000);
  const phase = rng.uniform(0, 2 * Math.PI);
  return {
    pressure: (t) => {
      const p = pulse(t, 0, rise, hold, fall);
      return height * p * (1 + 0.1 * Math.sin(phase + (2 * Math.PI * t) / wobbleMs));
    },
    lengthMs: Math.ceil(rise + hold + fall),
    contractionOnsets_ms: [],
    contractionPeaks_ms: [],
  };
}
