/**
 * Shared fast-check settings. Runs are seeded so CI is reproducible: set FC_SEED to explore
 * other seeds (fast-check prints the seed and path of any failure), FC_RUNS_FACTOR to run more.
 */
const DEFAULT_SEED = 20261129;

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got ${raw}`);
  return value;
}

export const SEED = envNumber('FC_SEED') ?? DEFAULT_SEED;
const RUNS_FACTOR = envNumber('FC_RUNS_FACTOR') ?? 1;

/** Parameters for `fc.assert`: the suite's seed and `numRuns` scaled by FC_RUNS_FACTOR. */
export function params(numRuns: number): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS_FACTOR)) };
}

/**
 * Guards a property against passing vacuously: the situation it is about must have come up at
 * least `perRun × numRuns` times. FC_COVERAGE=1 prints the counts.
 */
export function expectCoverage(
  what: string,
  count: number,
  run: { numRuns: number },
  perRun: number,
): void {
  if (process.env['FC_COVERAGE'] !== undefined)
    console.info(
      `${what}: ${count} in ${run.numRuns} runs (${(count / run.numRuns).toFixed(2)}/run)`,
    );
  if (count < perRun * run.numRuns)
    throw new Error(
      `${what} came up ${count} times in ${run.numRuns} runs; expected ≥ ${perRun}/run`,
    );
}
