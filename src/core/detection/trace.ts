/**
 * Labelled sensor traces: what the detectors read and what they are judged against.
 * Times are milliseconds from the start of the trace; pressure is in raw sensor counts
 * (the Edge-o-Matic's 12-bit scale, 0–4095).
 */

export type Sample = Readonly<{
  t_ms: number;
  pressure: number;
  /** Heart rate in bpm, present only on samples where a new reading arrived (about 1 Hz). */
  hr?: number;
  /** The commanded output, 0–1. */
  output?: number;
}>;

export const ORGASM_INTENSITIES = ['mild', 'moderate', 'intense'] as const;
export type OrgasmIntensity = (typeof ORGASM_INTENSITIES)[number];

export const ARTIFACT_TYPES = ['motor-start', 'power-jump', 'clench', 'movement', 'gap'] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

/** Ground truth for one orgasm. `t_ms` is the onset of the first contraction (or of the rise). */
export type OrgasmLabel = Readonly<{
  type: 'orgasm';
  t_ms: number;
  end_ms: number;
  intensity: OrgasmIntensity;
  /** Whether a regular series of pelvic-floor contractions exists; if not, a sustained rise. */
  regularSeries: boolean;
  /** Contractions in the regular series (0 when there is none). */
  contractions: number;
  /** Onset of each contraction. */
  contractionOnsets_ms: readonly number[];
  /** Peak of each contraction, as generated (before sampling and noise). */
  contractionPeaks_ms: readonly number[];
  heartRate?: Readonly<{
    peak_bpm: number;
    peak_ms: number;
    recovery_ms: number;
    rest_bpm: number;
  }>;
}>;

/**
 * An artifact: something that is not an orgasm but may look like one. `motor-start` is output
 * going from 0 to above 0, `power-jump` a sudden jump to full power (the window covers the
 * 2–8 s hold and the startle it provokes),
 * `clench` a voluntary clench, `movement` the body or sensor shifting, `gap` dropped samples
 * (no sample has `t_ms` in [t_ms, end_ms)).
 */
export type ArtifactLabel = Readonly<{ type: ArtifactType; t_ms: number; end_ms: number }>;

export type TraceLabel = OrgasmLabel | ArtifactLabel;

export type Trace = Readonly<{
  seed: number;
  sampleRateHz: number;
  durationMs: number;
  samples: readonly Sample[];
  /** Sorted by `t_ms`. */
  labels: readonly TraceLabel[];
}>;

export const PRESSURE_MAX = 4095;
