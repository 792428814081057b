import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAgreement } from '../agreement/agreement';
import { templateAgreement } from '../agreement/template';
import { OUTPUT_KINDS } from '../agreement/agreement';
import type { DeviceSpec } from '../scene/events';
import { ACTIVITY_GROUPS, BUILT_IN_ITEMS, type Catalogue, type CatalogueItem } from './catalogue';
import { draftFromOverlap } from './draft';
import type { Overlap, OverlapItem } from './overlap';
import { params } from '../../../test/support/property';

const customArb: fc.Arbitrary<CatalogueItem> = fc.record(
  {
    id: fc.stringMatching(/^custom:[a-z]{1,8}$/),
    group: fc.constantFrom(...ACTIVITY_GROUPS),
    label: fc.string({ minLength: 1, maxLength: 80 }),
    explanation: fc.string({ maxLength: 200 }),
    custom: fc.constant(true),
  },
  { noNullPrototype: true },
);

const catalogueArb: fc.Arbitrary<Catalogue> = fc
  .uniqueArray(customArb, { maxLength: 6, selector: (i) => i.id })
  .map((custom) => ({ items: [...BUILT_IN_ITEMS, ...custom] }));

const ratingArb = fc.constantFrom('yes' as const, 'maybe' as const);

/** Any overlap of the catalogue: a subset of its items, each with one or two matches. */
const overlapArb = (catalogue: Catalogue): fc.Arbitrary<Overlap> =>
  fc.subarray([...catalogue.items]).chain((chosen) =>
    fc
      .tuple(
        ...chosen.map((item) =>
          fc
            .tuple(ratingArb, ratingArb, fc.boolean())
            .map(([giverRating, receiverRating, both]): OverlapItem => {
              const m = { giver: 'dominant', receiver: 'submissive', giverRating, receiverRating };
              const back = { ...m, giver: 'submissive', receiver: 'dominant' };
              return {
                id: item.id,
                group: item.group,
                label: item.label,
                explanation: item.explanation,
                matches: both ? [m, back] : [m],
              };
            }),
        ),
      )
      .map((items) => ({ items })),
  );

const devicesArb: fc.Arbitrary<DeviceSpec[]> = fc.array(
  fc.record({
    id: fc.stringMatching(/^[a-z]{1,6}$/),
    name: fc.string({ minLength: 1, maxLength: 120 }),
    features: fc.array(
      fc.record({ id: fc.stringMatching(/^[a-z]{1,4}$/), kind: fc.constantFrom(...OUTPUT_KINDS) }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
  { maxLength: 4 },
);

const nameArb = fc.string({ minLength: 1, maxLength: 80 });

describe('draftFromOverlap (property)', () => {
  it('any overlap gives an agreement parseAgreement accepts, never wider than the template unless the overlap says so', () => {
    fc.assert(
      fc.property(
        catalogueArb.chain((c) => fc.tuple(fc.constant(c), overlapArb(c))),
        devicesArb,
        nameArb,
        nameArb,
        ([catalogue, overlap], devices, dominant, submissive) => {
          const names = { dominant, submissive };
          const a = draftFromOverlap({ overlap, catalogue, names, devices });
          const parsed = parseAgreement(a);
          expect(parsed).toEqual({ ok: true, value: a });
          const t = templateAgreement({ mode: 'pair', names, devices });
          const ids = overlap.items.map((i) => i.id);
          expect(a.activities).toEqual(ids);
          expect(a.outputs).toEqual(t.outputs);
          expect(a.rampFullScaleSeconds).toBe(t.rampFullScaleSeconds);
          expect(a.warmUp).toEqual(t.warmUp);
          expect(a.play).toEqual(t.play);
          expect(a.checkIn).toEqual(t.checkIn);
          expect(a.signals).toEqual(t.signals);
          expect(a.postOrgasm.ceiling).toBe(t.postOrgasm.ceiling);
          if (!ids.some((id) => id.startsWith('post-orgasm-')))
            expect(a.postOrgasm.maxSeconds).toBe(t.postOrgasm.maxSeconds);
          expect(a.orgasm.max).toBe(ids.includes('multiple-orgasms') ? 2 : 1);
          expect(a.participants.map((p) => p.id)).toEqual(['dominant', 'submissive']);
        },
      ),
      params(200),
    );
  });
});
