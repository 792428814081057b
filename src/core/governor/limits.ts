import type { Agreement, OutputKind } from '../agreement/agreement';
import type { LimitChange } from '../scene/events';
import type { ActivePhase } from '../scene/phases';

/**
 * The limits in force during a scene: the agreement's, narrowed by any lowering since (S3).
 * Nothing here can be widened mid-scene; only a new signed agreement starts wider.
 */
export type Limits = Readonly<{
  /** Hard ceiling per allowed output kind; a kind that is absent is not allowed (always 0). */
  outputCeilings: Readonly<Partial<Record<OutputKind, number>>>;
  phaseCeilings: Readonly<Record<ActivePhase, number>>;
  /** The fastest allowed rise, in full scales per millisecond. */
  rampPerMs: number;
  postOrgasmMaxMs: number;
  orgasmsMax: number;
}>;

export function limitsFromAgreement(a: Agreement): Limits {
  const outputCeilings: Partial<Record<OutputKind, number>> = {};
  for (const [kind, spec] of Object.entries(a.outputs) as [OutputKind, { ceiling: number }][]) {
    outputCeilings[kind] = spec.ceiling;
  }
  return {
    outputCeilings,
    phaseCeilings: {
      'warm-up': a.warmUp.ceiling,
      play: a.play.ceiling,
      // The orgasm phase continues play as it was; the post-orgasm ceiling takes over after it.
      orgasm: a.play.ceiling,
      'post-orgasm': a.postOrgasm.ceiling,
    },
    rampPerMs: 1 / (a.rampFullScaleSeconds * 1000),
    postOrgasmMaxMs: a.postOrgasm.maxSeconds * 1000,
    orgasmsMax: a.orgasm.max,
  };
}

export type Narrowed = { ok: true; limits: Limits } | { ok: false; reason: string };

/** Applies a lowering; anything that would widen a limit is refused and changes nothing (S3). */
export function narrowLimits(limits: Limits, change: LimitChange): Narrowed {
  const refuse = (what: string): Narrowed => ({
    ok: false,
    reason: `limits only narrow mid-scene: ${what} would widen; sign a new agreement to widen it`,
  });
  switch (change.kind) {
    case 'output-ceiling': {
      const current = limits.outputCeilings[change.output];
      if (current === undefined)
        return { ok: false, reason: `${change.output} is not allowed by the agreement` };
      if (change.value > current) return refuse(`the ${change.output} ceiling`);
      return {
        ok: true,
        limits: {
          ...limits,
          outputCeilings: { ...limits.outputCeilings, [change.output]: change.value },
        },
      };
    }
    case 'phase-ceiling': {
      const phases: ActivePhase[] = change.phase === 'play' ? ['play', 'orgasm'] : [change.phase];
      if (phases.some((p) => change.value > limits.phaseCeilings[p]))
        return refuse(`the ${change.phase} ceiling`);
      const phaseCeilings = { ...limits.phaseCeilings };
      for (const p of phases) phaseCeilings[p] = change.value;
      return { ok: true, limits: { ...limits, phaseCeilings } };
    }
    case 'ramp': {
      const rampPerMs = 1 / (change.fullScaleSeconds * 1000);
      if (rampPerMs > limits.rampPerMs) return refuse('the ramp');
      return { ok: true, limits: { ...limits, rampPerMs } };
    }
    case 'post-orgasm-seconds': {
      const postOrgasmMaxMs = change.value * 1000;
      if (postOrgasmMaxMs > limits.postOrgasmMaxMs) return refuse('the post-orgasm time');
      return { ok: true, limits: { ...limits, postOrgasmMaxMs } };
    }
    case 'orgasms': {
      if (change.value > limits.orgasmsMax) return refuse('the number of orgasms');
      return { ok: true, limits: { ...limits, orgasmsMax: change.value } };
    }
  }
}

/** True when every limit in `next` is at most as wide as in `prev` (used by tests and replay). */
export function isNarrowerOrEqual(prev: Limits, next: Limits): boolean {
  const kinds = new Set([
    ...Object.keys(prev.outputCeilings),
    ...Object.keys(next.outputCeilings),
  ]) as Set<OutputKind>;
  for (const kind of kinds) {
    const n = next.outputCeilings[kind];
    const p = prev.outputCeilings[kind];
    if (n !== undefined && (p === undefined || n > p)) return false;
  }
  for (const phase of Object.keys(prev.phaseCeilings) as ActivePhase[]) {
    if (next.phaseCeilings[phase] > prev.phaseCeilings[phase]) return false;
  }
  return (
    next.rampPerMs <= prev.rampPerMs &&
    next.postOrgasmMaxMs <= prev.postOrgasmMaxMs &&
    next.orgasmsMax <= prev.orgasmsMax
  );
}
