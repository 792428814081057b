import type { Rng } from './rng';
import {
  ARTIFACT_TYPES,
  ORGASM_INTENSITIES,
  type ArtifactType,
  type OrgasmIntensity,
} from './trace';

export type OrgasmOptions = Readonly<{
  intensity?: OrgasmIntensity;
  /** False for an orgasm with no regular contraction series (a sustained rise instead). */
  regularSeries?: boolean;
  /** Onset of the first contraction; chosen at random when absent. */
  at_ms?: number;
}>;

export type TraceOptions = Readonly<{
  /** Any rate from 10 to 100 Hz; default 15 (the Edge-o-Matic stream). */
  sampleRateHz?: number;
  /** Default 300 s. */
  durationMs?: number;
  /** `'none'` for a trace without orgasm; default: one orgasm, intensity and series at random. */
  orgasm?: OrgasmOptions | 'none';
  /**
   * How many of each artifact. `motor-start` counts every time output goes from 0 to above 0;
   * with 0 the output stays off (manual stimulation) and power jumps are impossible.
   */
  artifacts?: Partial<Record<ArtifactType, number>>;
  /** Sensor noise, standard deviation in counts; default 3. */
  noise?: number;
  /** Include heart-rate readings; default true. */
  heartRate?: boolean;
  /** Include the commanded output on samples; default true. */
  output?: boolean;
}>;

export const DEFAULT_ARTIFACTS: Readonly<Record<ArtifactType, number>> = {
  'motor-start': 2,
  'power-jump': 1,
  clench: 2,
  movement: 2,
  gap: 1,
};

export type ResolvedOrgasm = Readonly<{
  intensity: OrgasmIntensity;
  regularSeries: boolean;
  at_ms: number | undefined;
}>;

export type ResolvedOptions = Readonly<{
  sampleRateHz: number;
  durationMs: number;
  orgasm: ResolvedOrgasm | undefined;
  artifacts: Readonly<Record<ArtifactType, number>>;
  noise: number;
  heartRate: boolean;
  output: boolean;
}>;

/** About one orgasm in seven shows no regular series; the share is an assumption, not data. */
const IRREGULAR_SHARE = 0.15;

export function resolveOptions(options: TraceOptions, rng: Rng): ResolvedOptions {
  const sampleRateHz = options.sampleRateHz ?? 15;
  if (!(sampleRateHz >= 10 && sampleRateHz <= 100))
    throw new RangeError(`sampleRateHz must be 10–100, got ${sampleRateHz}`);
  const durationMs = options.durationMs ?? 300_000;
  if (!(Number.isFinite(durationMs) && durationMs >= 10_000))
    throw new RangeError(`durationMs must be at least 10000, got ${durationMs}`);
  const noise = options.noise ?? 3;
  if (!(noise >= 0 && noise <= 100)) throw new RangeError(`noise must be 0–100, got ${noise}`);

  const artifacts = { ...DEFAULT_ARTIFACTS, ...options.artifacts };
  for (const type of ARTIFACT_TYPES) {
    const n = artifacts[type];
    if (!(Number.isInteger(n) && n >= 0 && n <= 50))
      throw new RangeError(`artifacts.${type} must be an integer 0–50, got ${n}`);
  }
  if (artifacts['motor-start'] === 0 && artifacts['power-jump'] > 0)
    throw new RangeError('a power jump needs the motor on: artifacts.motor-start must be ≥ 1');

  const o = options.orgasm ?? {};
  const orgasm =
    o === 'none'
      ? undefined
      : {
          intensity: o.intensity ?? rng.pick(ORGASM_INTENSITIES),
          regularSeries: o.regularSeries ?? !rng.chance(IRREGULAR_SHARE),
          at_ms: o.at_ms,
        };

  return {
    sampleRateHz,
    durationMs,
    orgasm,
    artifacts,
    noise,
    heartRate: options.heartRate ?? true,
    output: options.output ?? true,
  };
}
