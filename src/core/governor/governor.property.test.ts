import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTPUT_KINDS, type OutputKind } from '../agreement/agreement';
import { isActive, PHASES } from '../scene/phases';
import { featureKey, govern, type GovernedLevel, type GovernorInput } from './governor';
import type { Limits } from './limits';
import { levelArb, record } from '../../../test/arbitraries/agreement';
import { params } from '../../../test/support/property';

const limitsArb: fc.Arbitrary<Limits> = record({
  outputCeilings: fc
    .subarray([...OUTPUT_KINDS])
    .chain((kinds) => fc.tuple(...kinds.map((k) => levelArb.map((c) => [k, c] as const))))
    .map((entries) => Object.fromEntries(entries) as Partial<Record<OutputKind, number>>),
  phaseCeilings: record({
    'warm-up': levelArb,
    play: levelArb,
    orgasm: levelArb,
    'post-orgasm': levelArb,
  }),
  rampPerMs: fc.double({ min: 1, max: 3600, noNaN: true }).map((s) => 1 / (s * 1000)),
  postOrgasmMaxMs: fc.integer({ min: 0, max: 3_600_000 }),
  orgasmsMax: fc.integer({ min: 0, max: 20 }),
});

const inputArb: fc.Arbitrary<GovernorInput> = fc
  .uniqueArray(
    record({
      device: fc.constantFrom('wand', 'duo', 'egg'),
      feature: record({ id: fc.constantFrom('a', 'b'), kind: fc.constantFrom(...OUTPUT_KINDS) }),
    }),
    { minLength: 1, maxLength: 5, selector: (f) => featureKey(f.device, f.feature.id) },
  )
  .chain((features) => {
    const keys = features.map((f) => featureKey(f.device, f.feature.id));
    const perKey = <T>(arb: fc.Arbitrary<T>) =>
      fc
        .tuple(...keys.map((k) => fc.option(arb, { freq: 4 }).map((v) => [k, v] as const)))
        .map((entries) =>
          Object.fromEntries(
            entries.filter((e): e is readonly [(typeof e)[0], T] => e[1] !== null),
          ),
        );
    return record({
      now: fc.integer({ min: 0, max: 100_000 }),
      phase: fc.constantFrom(...PHASES),
      stopped: fc.boolean(),
      paused: fc.boolean(),
      edging: fc.boolean(),
      limits: limitsArb,
      features: fc.constant(features),
      lostDevices: fc.subarray(['wand', 'duo', 'egg']),
      targets: perKey(levelArb),
      previous: perKey(levelArb.map((v) => v as GovernedLevel)),
      previousAt: fc.integer({ min: 0, max: 100_000 }),
      yellowCaps: perKey(levelArb),
      postOrgasmEndsAt: fc.option(fc.integer({ min: 0, max: 100_000 })),
    });
  });

/** The bound S2 sets, computed from the rule text rather than from `ceilingFor`. */
function bound(i: GovernorInput, f: GovernorInput['features'][number]): number {
  const key = featureKey(f.device, f.feature.id);
  if (!isActive(i.phase)) return 0;
  const off =
    i.stopped ||
    i.paused ||
    i.edging ||
    i.lostDevices.includes(f.device) ||
    (i.postOrgasmEndsAt !== null && i.now >= i.postOrgasmEndsAt);
  if (off) return 0;
  return Math.min(
    i.limits.outputCeilings[f.feature.kind] ?? 0,
    i.limits.phaseCeilings[i.phase],
    i.yellowCaps[key] ?? 1,
    (i.previous[key] ?? 0) + i.limits.rampPerMs * Math.max(0, i.now - i.previousAt),
  );
}

describe('governor properties', () => {
  it('[S2] every output is within 0 and the least of ceiling, phase ceiling, yellow cap and ramp, and no higher than asked', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const out = govern(i);
        expect(Object.keys(out).sort()).toStrictEqual(
          i.features.map((f) => featureKey(f.device, f.feature.id)).sort(),
        );
        for (const f of i.features) {
          const key = featureKey(f.device, f.feature.id);
          const v = out[key] ?? Number.NaN;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(bound(i, f));
          expect(v).toBeLessThanOrEqual(i.targets[key] ?? 0);
          // …and not needlessly low: exactly what is allowed, so a slow ramp never stalls.
          expect(v).toBeCloseTo(Math.max(0, Math.min(bound(i, f), i.targets[key] ?? 0)), 12);
        }
      }),
      params(5000),
    );
  });
});
