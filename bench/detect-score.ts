import {
  ARTIFACT_TYPES,
  createDetector,
  type ArtifactLabel,
  type ArtifactType,
  type DetectorName,
  type DetectorSettings,
  type OrgasmLabel,
  type Trace,
} from '../src/core/detection';

/**
 * Scores one detector on one trace. A hit is the first orgasm event from the orgasm's first
 * contraction (label `t_ms`) to the end of its window (`end_ms`); every other orgasm event is a
 * false alarm, put down to the artifact it falls in (or within 5 s after), else to none.
 */
export const ATTRIBUTION_TAIL_MS = 5000;

export type Attribution = ArtifactType | 'none';

export type TraceScore = Readonly<{
  orgasm: Readonly<{ regular: boolean; latencyMs: number | undefined }> | undefined;
  falseAlarms: readonly Readonly<{ t_ms: number; to: Attribution }>[];
  /** Signal outside the orgasm's window, ms. */
  quietMs: number;
  samples: number;
}>;

export function scoreTrace(
  trace: Trace,
  name: DetectorName,
  settings: Partial<DetectorSettings> = {},
): TraceScore {
  const detector = createDetector(name, settings);
  const events: number[] = [];
  for (const sample of trace.samples)
    for (const e of detector.push(sample)) if (e.type === 'orgasm') events.push(e.t_ms);

  const orgasm = trace.labels.find((l): l is OrgasmLabel => l.type === 'orgasm');
  const artifacts = trace.labels.filter((l): l is ArtifactLabel => l.type !== 'orgasm');
  let hit: number | undefined;
  const falseAlarms: { t_ms: number; to: Attribution }[] = [];
  for (const t of events) {
    if (orgasm !== undefined && hit === undefined && t >= orgasm.t_ms && t <= orgasm.end_ms) {
      hit = t;
      continue;
    }
    const artifact = artifacts.find((a) => t >= a.t_ms && t <= a.end_ms + ATTRIBUTION_TAIL_MS);
    falseAlarms.push({ t_ms: t, to: artifact?.type ?? 'none' });
  }
  return {
    orgasm:
      orgasm === undefined
        ? undefined
        : {
            regular: orgasm.regularSeries,
            latencyMs: hit === undefined ? undefined : hit - orgasm.t_ms,
          },
    falseAlarms,
    quietMs: trace.durationMs - (orgasm === undefined ? 0 : orgasm.end_ms - orgasm.t_ms),
    samples: trace.samples.length,
  };
}

export type Figures = Readonly<{
  recallRegular: number;
  recallIrregular: number;
  regularOrgasms: number;
  irregularOrgasms: number;
  falseAlarmsPerHour: number;
  /** One-sided 95 % upper bound on the rate (Poisson): what the hours measured can vouch for. */
  falseAlarmsPerHourUpper95: number;
  falseAlarms: number;
  falseAlarmsByArtifact: Readonly<Record<Attribution, number>>;
  quietHours: number;
  latencyRegularMs: Readonly<{ p50: number; p90: number }>;
  latencyIrregularMs: Readonly<{ p50: number; p90: number }>;
}>;

export function summarizeScores(scores: readonly TraceScore[]): Figures {
  const regular = scores.flatMap((s) => (s.orgasm?.regular === true ? [s.orgasm] : []));
  const irregular = scores.flatMap((s) => (s.orgasm?.regular === false ? [s.orgasm] : []));
  const latencies = (os: typeof regular) =>
    os.flatMap((o) => (o.latencyMs === undefined ? [] : [o.latencyMs]));
  const falseAlarms = scores.flatMap((s) => s.falseAlarms);
  const byArtifact = Object.fromEntries(
    [...ARTIFACT_TYPES, 'none' as const].map((type) => [
      type,
      falseAlarms.filter((f) => f.to === type).length,
    ]),
  ) as Record<Attribution, number>;
  const quietHours = scores.reduce((a, s) => a + s.quietMs, 0) / 3_600_000;
  return {
    recallRegular: latencies(regular).length / Math.max(1, regular.length),
    recallIrregular: latencies(irregular).length / Math.max(1, irregular.length),
    regularOrgasms: regular.length,
    irregularOrgasms: irregular.length,
    falseAlarmsPerHour: falseAlarms.length / quietHours,
    falseAlarmsPerHourUpper95: poissonUpper95(falseAlarms.length) / quietHours,
    falseAlarms: falseAlarms.length,
    falseAlarmsByArtifact: byArtifact,
    quietHours,
    latencyRegularMs: percentiles(latencies(regular)),
    latencyIrregularMs: percentiles(latencies(irregular)),
  };
}

/** By rank, as bench/stats.ts does; NaN when there is nothing to rank. */
function percentiles(values: readonly number[]): { p50: number; p90: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length === 0
      ? NaN
      : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
  return { p50: at(0.5), p90: at(0.9) };
}

/** The mean λ with P(X ≤ k) = 0.05 for X ~ Poisson(λ): 3.0 for k = 0, 4.74 for k = 1, … */
function poissonUpper95(k: number): number {
  const cdf = (lambda: number) => {
    let term = Math.exp(-lambda);
    let sum = term;
    for (let i = 1; i <= k; i++) {
      term *= lambda / i;
      sum += term;
    }
    return sum;
  };
  let low = k;
  let high = k + 10 + 5 * Math.sqrt(k + 1);
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (cdf(mid) > 0.05) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
