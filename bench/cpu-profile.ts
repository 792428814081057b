/** The parts of a V8 CPU profile (`.cpuprofile`, as `node --cpu-prof` writes it) used here. */
export type CpuProfile = {
  nodes: {
    id: number;
    hitCount?: number;
    positionTicks?: { line: number; ticks: number }[];
    [more: string]: unknown;
  }[];
  /** Monotonic clock, µs. */
  startTime: number;
  endTime: number;
  /** The node each sample hit, and the time since the sample before it (the first: since start). */
  samples: number[];
  timeDeltas: number[];
};

/**
 * The profile cut to the samples taken from `fromUs` to `toUs` (µs on the profile's clock):
 * samples, their times and every node's hit count describe only that window. Per-line ticks
 * cannot be cut by time, so they are left out rather than left wrong.
 */
export function cutProfile(
  profile: CpuProfile,
  window: Readonly<{ fromUs: number; toUs: number }>,
): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  const hits = new Map<number, number>();
  let at = profile.startTime;
  let last = window.fromUs;
  profile.samples.forEach((node, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < window.fromUs || at > window.toUs) return;
    samples.push(node);
    timeDeltas.push(at - last);
    last = at;
    hits.set(node, (hits.get(node) ?? 0) + 1);
  });
  return {
    ...profile,
    nodes: profile.nodes.map((node) => {
      const cut = { ...node, hitCount: hits.get(node.id) ?? 0 };
      delete cut.positionTicks;
      return cut;
    }),
    startTime: window.fromUs,
    endTime: window.toUs,
    samples,
    timeDeltas,
  };
}
