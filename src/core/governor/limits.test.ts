import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LimitChange } from '../scene/events';
import { isNarrowerOrEqual, limitsFromAgreement, narrowLimits, type Limits } from './limits';
import { generatedAgreementArb } from '../../../test/arbitraries/agreement';
import { limitChangeArb } from '../../../test/arbitraries/scene';
import { pairAgreement } from '../../../test/fixtures/agreements';
import { params } from '../../../test/support/property';

const limits = limitsFromAgreement(pairAgreement);

function narrowed(change: LimitChange): Limits {
  const result = narrowLimits(limits, change);
  if (!result.ok) throw new Error(result.reason);
  return result.limits;
}

function refusal(change: LimitChange): string {
  const result = narrowLimits(limits, change);
  if (result.ok) throw new Error(`${JSON.stringify(change)} was accepted`);
  return result.reason;
}

describe('limitsFromAgreement', () => {
  it('takes every limit from the agreement; the orgasm phase keeps the play ceiling', () => {
    expect(limits).toStrictEqual({
      outputCeilings: { vibrate: 0.8, rotate: 0.5 },
      phaseCeilings: { 'warm-up': 0.3, play: 0.8, orgasm: 0.8, 'post-orgasm': 0.6 },
      rampPerMs: 1 / 20_000,
      postOrgasmMaxMs: 90_000,
      orgasmsMax: 2,
    });
  });
});

describe('narrowLimits', () => {
  it('[S3] lowers each kind of limit, equal values included', () => {
    expect(
      narrowed({ kind: 'output-ceiling', output: 'vibrate', value: 0.2 }).outputCeilings,
    ).toStrictEqual({
      vibrate: 0.2,
      rotate: 0.5,
    });
    expect(narrowed({ kind: 'output-ceiling', output: 'rotate', value: 0.5 })).toStrictEqual(
      limits,
    );
    expect(
      narrowed({ kind: 'phase-ceiling', phase: 'warm-up', value: 0.1 }).phaseCeilings,
    ).toStrictEqual({
      'warm-up': 0.1,
      play: 0.8,
      orgasm: 0.8,
      'post-orgasm': 0.6,
    });
    expect(
      narrowed({ kind: 'phase-ceiling', phase: 'play', value: 0.5 }).phaseCeilings,
    ).toMatchObject({
      play: 0.5,
      orgasm: 0.5,
    });
    expect(narrowed({ kind: 'ramp', fullScaleSeconds: 40 }).rampPerMs).toBe(1 / 40_000);
    expect(narrowed({ kind: 'post-orgasm-seconds', value: 0 }).postOrgasmMaxMs).toBe(0);
    expect(narrowed({ kind: 'orgasms', value: 0 }).orgasmsMax).toBe(0);
  });

  it('[S3] refuses every widening, naming the limit, and changes nothing', () => {
    const before = structuredClone(limits);
    expect(refusal({ kind: 'output-ceiling', output: 'vibrate', value: 0.81 })).toBe(
      'limits only narrow mid-scene: the vibrate ceiling would widen; sign a new agreement to widen it',
    );
    expect(refusal({ kind: 'output-ceiling', output: 'constrict', value: 0 })).toBe(
      'constrict is not allowed by the agreement',
    );
    expect(refusal({ kind: 'phase-ceiling', phase: 'post-orgasm', value: 0.7 })).toMatch(
      /post-orgasm ceiling/,
    );
    expect(refusal({ kind: 'phase-ceiling', phase: 'warm-up', value: 1 })).toMatch(
      /warm-up ceiling/,
    );
    expect(refusal({ kind: 'ramp', fullScaleSeconds: 19 })).toMatch(/the ramp/);
    expect(refusal({ kind: 'post-orgasm-seconds', value: 91 })).toMatch(/post-orgasm time/);
    expect(refusal({ kind: 'orgasms', value: 3 })).toMatch(/number of orgasms/);
    expect(limits).toStrictEqual(before);
  });

  it('[S3] a play ceiling above a lowered orgasm ceiling would widen it and is refused', () => {
    const lowered: Limits = { ...limits, phaseCeilings: { ...limits.phaseCeilings, orgasm: 0.4 } };
    const result = narrowLimits(lowered, { kind: 'phase-ceiling', phase: 'play', value: 0.6 });
    expect(result.ok).toBe(false);
  });

  it('[S3] whatever the limits and the change: accepted ⇒ narrower or equal; refused ⇒ it would widen', () => {
    fc.assert(
      fc.property(
        generatedAgreementArb,
        fc.array(limitChangeArb, { maxLength: 8 }),
        (a, changes) => {
          let current = limitsFromAgreement(a);
          for (const change of changes) {
            const result = narrowLimits(current, change);
            if (result.ok) {
              expect(isNarrowerOrEqual(current, result.limits)).toBe(true);
              current = result.limits;
            } else {
              expect(result.reason).toMatch(/would widen|is not allowed by the agreement/);
            }
          }
          expect(isNarrowerOrEqual(limitsFromAgreement(a), current)).toBe(true);
        },
      ),
      params(1000),
    );
  });
});

describe('isNarrowerOrEqual', () => {
  it('is reflexive and sees every widening', () => {
    expect(isNarrowerOrEqual(limits, limits)).toBe(true);
    const wider: Limits[] = [
      { ...limits, outputCeilings: { ...limits.outputCeilings, vibrate: 0.9 } },
      { ...limits, outputCeilings: { ...limits.outputCeilings, constrict: 0 } },
      { ...limits, phaseCeilings: { ...limits.phaseCeilings, 'post-orgasm': 0.61 } },
      { ...limits, phaseCeilings: { ...limits.phaseCeilings, orgasm: 0.9 } },
      { ...limits, rampPerMs: limits.rampPerMs * 2 },
      { ...limits, postOrgasmMaxMs: 90_001 },
      { ...limits, orgasmsMax: 3 },
    ];
    for (const w of wider) {
      expect(isNarrowerOrEqual(limits, w)).toBe(false);
      expect(isNarrowerOrEqual(w, limits)).toBe(true);
    }
  });

  it('dropping an output kind narrows', () => {
    expect(isNarrowerOrEqual(limits, { ...limits, outputCeilings: { vibrate: 0.8 } })).toBe(true);
  });
});
