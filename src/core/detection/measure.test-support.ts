import type { ArtifactLabel, OrgasmLabel, Sample, Trace } from './trace';

/** Test helpers that read a generated trace the way a detector would see it. */

export function between(trace: Trace, from: number, to: number): Sample[] {
  return trace.samples.filter((s) => s.t_ms >= from && s.t_ms < to);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  if (value === undefined) throw new Error('median of nothing');
  return value;
}

/**
 * Where a contraction in [from, to) sits: the centroid of the samples in its upper half. Steadier
 * than the highest sample under noise and at low rates; its offset from the true peak is the same
 * for every contraction of a series (they share one shape), so intervals come out right.
 */
export function peakTime(trace: Trace, from: number, to: number): number {
  const window = between(trace, from, to);
  const values = window.map((s) => s.pressure);
  const half = (Math.max(...values) + Math.min(...values)) / 2;
  let weight = 0;
  let moment = 0;
  for (const s of window) {
    const w = Math.max(0, s.pressure - half);
    weight += w;
    moment += w * s.t_ms;
  }
  if (weight === 0) throw new Error(`no contraction in ${from}–${to}`);
  return moment / weight;
}

/** Peak times measured from the samples, one per labelled contraction. */
export function measuredPeaks(trace: Trace, orgasm: OrgasmLabel): number[] {
  const onsets = orgasm.contractionOnsets_ms;
  return onsets.map((onset, k) =>
    peakTime(trace, onset, Math.min(onset + 650, onsets[k + 1] ?? Infinity)),
  );
}

export function intervals(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}

/** Least-squares slope of `ys` against their index. */
export function slope(ys: readonly number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

export function orgasmOf(trace: Trace): OrgasmLabel | undefined {
  return trace.labels.find((l): l is OrgasmLabel => l.type === 'orgasm');
}

export function artifactsOf(trace: Trace): ArtifactLabel[] {
  return trace.labels.filter((l): l is ArtifactLabel => l.type !== 'orgasm');
}
