import {
  createRng,
  generateTrace,
  ORGASM_INTENSITIES,
  type ArtifactType,
  type Trace,
  type TraceOptions,
} from '../src/core/detection';

/**
 * The labelled corpus `npm run bench -- detect` reports on: traces from `generateTrace`, each a
 * function of its seed. Seeds from `seedBase` up; the reported corpus and the one the detector
 * was tuned on use different bases (bench/README.md), so the reported one is held out.
 */
export type CorpusSpec = Readonly<{
  seedBase: number;
  /** 10-minute traces with one orgasm each (a third without a regular series). */
  orgasmTraces: number;
  /** 20-minute traces without orgasm. */
  quietTraces: number;
}>;

/** Held out: never looked at while the detector was being tuned. */
export const REPORTED_CORPUS: CorpusSpec = {
  seedBase: 1_000_000,
  orgasmTraces: 400,
  quietTraces: 110,
};
/** What the detector was tuned on (seeds 0–349), via bench/detect-tune.ts. */
export const TUNING_CORPUS: CorpusSpec = { seedBase: 0, orgasmTraces: 240, quietTraces: 110 };

const RATES = [10, 12.5, 15, 20, 25, 30, 40, 50, 60, 75, 100] as const;
const IRREGULAR_SHARE = 1 / 3;
const WITHOUT_HEART_RATE_SHARE = 0.2;
const WITHOUT_OUTPUT_SHARE = 0.1;

export type CorpusEntry = Readonly<{ seed: number; options: TraceOptions }>;

/** What each trace will be, without generating it (traces are made one at a time). */
export function corpusEntries(spec: CorpusSpec): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  const total = spec.orgasmTraces + spec.quietTraces;
  for (let i = 0; i < total; i++) {
    const seed = spec.seedBase + i;
    const rng = createRng(seed * 7919 + 13);
    const withOrgasm = i < spec.orgasmTraces;
    const rate = rng.chance(0.5) ? rng.pick(RATES) : Math.round(rng.uniform(10, 100) * 10) / 10;
    const artifacts: Record<ArtifactType, number> = withOrgasm
      ? { 'motor-start': 3, 'power-jump': 2, clench: 3, movement: 3, gap: 2 }
      : { 'motor-start': 6, 'power-jump': 5, clench: 7, movement: 6, gap: 4 };
    const output = !rng.chance(WITHOUT_OUTPUT_SHARE);
    entries.push({
      seed,
      options: {
        sampleRateHz: rate,
        durationMs: withOrgasm ? 600_000 : 1_200_000,
        orgasm: withOrgasm
          ? {
              intensity: rng.pick(ORGASM_INTENSITIES),
              regularSeries: !rng.chance(IRREGULAR_SHARE),
            }
          : 'none',
        artifacts,
        noise: rng.uniform(2, 5),
        heartRate: !rng.chance(WITHOUT_HEART_RATE_SHARE),
        output,
      },
    });
  }
  return entries;
}

/**
 * The entry's trace. The generator places events at random and now and then cannot fit them
 * all; then the next seed in a far range (+10 000 000) is used, the same way every run.
 */
export function traceOf(entry: CorpusEntry): Trace {
  for (let attempt = 0; ; attempt++) {
    try {
      return generateTrace(entry.options, entry.seed + attempt * 10_000_000);
    } catch (error) {
      if (!(error instanceof RangeError) || attempt >= 5) throw error;
    }
  }
}
