import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTPUT_KINDS, type OutputKind } from '../agreement/agreement';
import { isActive, PHASES } from '../scene/phases';
import { featureKey, govern, type GovernedLevel, type GovernorInput } from './governor';
import type { Limits } from './limits';
import { TEST_PULSE_LEVEL } from './test-pulse';
import { levelArb, record } from '../../../test/arbitraries/agreement';
import { expectCoverage, params } from '../../../test/support/property';

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
      // Sometimes on an output the scene does not have: it must drive nothing.
      testPulse: fc.option(
        record({
          key: fc.constantFrom(...keys, featureKey('ghost', 'a')),
          until: fc.integer({ min: 0, max: 100_000 }),
        }),
        { freq: 2 },
      ),
    });
  });

/** Inputs without a test pulse: everything the governor did before set-up could drive a toy. */
const noPulseArb = inputArb.map((i): GovernorInput => ({ ...i, testPulse: null }));

/** Inputs that are often in set-up, not stopped, with a pulse on one of their outputs near now. */
const pulseArb: fc.Arbitrary<GovernorInput> = inputArb.chain((i) =>
  record({
    phase: fc.oneof(
      { arbitrary: fc.constant('setup' as const), weight: 3 },
      fc.constantFrom(...PHASES),
    ),
    stopped: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, fc.boolean()),
    lostDevices: fc.oneof(fc.constant([]), fc.constant(i.lostDevices)),
    testPulse: fc.oneof(
      fc.constant(i.testPulse),
      record({
        key: fc.constantFrom(...i.features.map((f) => featureKey(f.device, f.feature.id))),
        until: fc.integer({ min: -1500, max: 1500 }).map((d) => Math.max(0, i.now + d)),
      }),
    ),
  }).map((over): GovernorInput => ({ ...i, ...over })),
);

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
      fc.property(noPulseArb, (i) => {
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

  it('[S2] a test pulse drives nothing outside set-up; in set-up only the pulsing output is above 0, at most the test level and the ceilings of its kind and of warm-up, and 0 from its end', () => {
    let pulsing = 0;
    const run = params(5000);
    fc.assert(
      fc.property(pulseArb, (i) => {
        const out = govern(i);
        if (i.phase !== 'setup') {
          expect(out).toStrictEqual(govern({ ...i, testPulse: null }));
          return;
        }
        for (const f of i.features) {
          const key = featureKey(f.device, f.feature.id);
          const v = out[key] ?? Number.NaN;
          const on =
            i.testPulse !== null &&
            i.testPulse.key === key &&
            i.now < i.testPulse.until &&
            !i.stopped &&
            !i.lostDevices.includes(f.device);
          const max = Math.min(
            TEST_PULSE_LEVEL,
            i.limits.outputCeilings[f.feature.kind] ?? 0,
            i.limits.phaseCeilings['warm-up'],
          );
          // Exactly the pulse level: targets, the previous level and the ramp play no part.
          expect(v).toBe(on ? max : 0);
          if (v > 0) pulsing++;
        }
      }),
      run,
    );
    expectCoverage('[S2] pulsing outputs', pulsing, run, 0.05);
  });
});
