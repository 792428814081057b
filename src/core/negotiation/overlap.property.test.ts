import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATINGS, type Answers, type ItemAnswers, type RoleAnswer } from './answers';
import { ACTIVITY_GROUPS, BUILT_IN_ITEMS, type Catalogue, type CatalogueItem } from './catalogue';
import { negotiationView, revealOverlap } from './overlap';
import { expectCoverage, params } from '../../../test/support/property';

/** Built-in items (a random subset) and a few custom ones. */
const catalogueArb: fc.Arbitrary<Catalogue> = fc
  .tuple(
    fc.subarray([...BUILT_IN_ITEMS], { minLength: 1 }),
    fc.uniqueArray(
      fc.record(
        {
          id: fc.stringMatching(/^custom:[a-z]{1,6}$/),
          group: fc.constantFrom(...ACTIVITY_GROUPS),
          label: fc.string({ minLength: 1, maxLength: 80 }),
          explanation: fc.string({ maxLength: 200 }),
          custom: fc.constant(true),
        },
        { noNullPrototype: true },
      ),
      { maxLength: 4, selector: (i) => i.id },
    ),
  )
  .map(([builtIn, custom]): Catalogue => ({ items: [...builtIn, ...custom] }));

/** Notes carry a marker so a leak can be spotted anywhere in the output. */
const noteArb = (author: string) =>
  fc.option(
    fc.nat(999).map((n) => `secret-note-${author}-${n}`),
    { nil: undefined },
  );

/** An answer for one role: often yes or maybe, so that overlaps are common; undefined = none. */
const roleAnswerArb = (author: string): fc.Arbitrary<RoleAnswer | undefined> =>
  fc.option(
    fc
      .tuple(fc.constantFrom(...RATINGS), noteArb(author))
      .map(([rating, note]) => (note === undefined ? { rating } : { rating, note })),
    { nil: undefined, freq: 4 },
  );

const itemAnswersArb = (author: string): fc.Arbitrary<ItemAnswers> =>
  fc.tuple(roleAnswerArb(author), roleAnswerArb(author)).map(([giving, receiving]) => ({
    ...(giving === undefined ? {} : { giving }),
    ...(receiving === undefined ? {} : { receiving }),
  }));

function answersArb(catalogue: Catalogue, author: string): fc.Arbitrary<Answers> {
  return fc
    .tuple(
      ...catalogue.items.map((i) =>
        fc.option(itemAnswersArb(author)).map((a) => [i.id, a] as const),
      ),
    )
    .map((entries) => ({
      author,
      items: Object.fromEntries(entries.filter((e): e is [string, ItemAnswers] => e[1] !== null)),
    }));
}

const caseArb = catalogueArb.chain((catalogue) =>
  fc.record({
    catalogue: fc.constant(catalogue),
    a: answersArb(catalogue, 'alex'),
    b: answersArb(catalogue, 'sam'),
  }),
);

const welcomes = (x: RoleAnswer | undefined) => x?.rating === 'yes' || x?.rating === 'maybe';
const roleOf = (x: Answers, item: CatalogueItem, role: 'giving' | 'receiving') =>
  x.items[item.id]?.[role];

/** Every pair (giver's giving answer, receiver's receiving answer) the catalogue has. */
function pairs(catalogue: Catalogue, a: Answers, b: Answers) {
  return catalogue.items.flatMap((item) =>
    [
      [a, b],
      [b, a],
    ].map(([giver, receiver]) => {
      if (giver === undefined || receiver === undefined) throw new Error('unreachable');
      const g = roleOf(giver, item, 'giving');
      const r = roleOf(receiver, item, 'receiving');
      return {
        item,
        giver: giver.author,
        receiver: receiver.author,
        g,
        r,
        mutual: welcomes(g) && welcomes(r),
      };
    }),
  );
}

describe('revealOverlap', () => {
  it('[P3] reveals exactly the pairs both partners rated yes or maybe — none rated no or unanswered', () => {
    const run = params(500);
    let mutual = 0;
    let hidden = 0;
    fc.assert(
      fc.property(caseArb, ({ catalogue, a, b }) => {
        const overlap = revealOverlap(catalogue, a, b);
        const shown = overlap.items.flatMap((i) =>
          i.matches.map((m) => ({
            id: i.id,
            giver: m.giver,
            giverRating: m.giverRating,
            receiverRating: m.receiverRating,
          })),
        );
        const expected = pairs(catalogue, a, b)
          .filter((p) => p.mutual)
          .map((p) => ({
            id: p.item.id,
            giver: p.giver,
            giverRating: p.g?.rating,
            receiverRating: p.r?.rating,
          }));
        expect(new Set(shown.map((s) => JSON.stringify(s)))).toStrictEqual(
          new Set(expected.map((s) => JSON.stringify(s))),
        );
        expect(shown).toHaveLength(expected.length);
        for (const i of overlap.items) expect(i.matches.length).toBeGreaterThan(0);
        mutual += expected.length;
        hidden += pairs(catalogue, a, b).length - expected.length;
      }),
      run,
    );
    expectCoverage('mutual pairs', mutual, run, 1);
    expectCoverage('hidden pairs', hidden, run, 1);
  });

  it('[P3] never contains a note', () => {
    fc.assert(
      fc.property(caseArb, ({ catalogue, a, b }) => {
        const json = JSON.stringify(revealOverlap(catalogue, a, b));
        expect(json).not.toContain('secret-note');
        expect(json).not.toContain('"note"');
      }),
      params(500),
    );
  });

  it('[P3] is symmetric: the same reveal whichever partner comes first', () => {
    fc.assert(
      fc.property(caseArb, ({ catalogue, a, b }) => {
        expect(JSON.stringify(revealOverlap(catalogue, b, a))).toBe(
          JSON.stringify(revealOverlap(catalogue, a, b)),
        );
      }),
      params(500),
    );
  });

  it('[P3] depends only on the mutual pairs: redrawing any hidden pair or any note changes nothing', () => {
    const run = params(300);
    let changed = 0;
    const redraw = caseArb.chain(({ catalogue, a, b }) =>
      fc.record({
        catalogue: fc.constant(catalogue),
        a: fc.constant(a),
        b: fc.constant(b),
        // For every pair, a candidate replacement; used only where it keeps mutual pairs as they were.
        a2: answersArb(catalogue, 'alex'),
        b2: answersArb(catalogue, 'sam'),
      }),
    );
    fc.assert(
      fc.property(redraw, ({ catalogue, a, b, a2, b2 }) => {
        const items = (x: Answers, x2: Answers, other: Answers, other2: Answers) =>
          Object.fromEntries(
            catalogue.items.map((item) => {
              const pick = (mine: 'giving' | 'receiving', theirs: 'giving' | 'receiving') => {
                const was =
                  welcomes(roleOf(x, item, mine)) && welcomes(roleOf(other, item, theirs));
                const now =
                  welcomes(roleOf(x2, item, mine)) && welcomes(roleOf(other2, item, theirs));
                const old = roleOf(x, item, mine);
                const fresh = roleOf(x2, item, mine);
                // A mutual pair keeps its ratings (notes may change); a hidden pair may take any
                // answers that keep it hidden.
                if (was) return old === undefined ? undefined : { ...fresh, rating: old.rating };
                return now ? old : fresh;
              };
              const giving = pick('giving', 'receiving');
              const receiving = pick('receiving', 'giving');
              return [
                item.id,
                { ...(giving ? { giving } : {}), ...(receiving ? { receiving } : {}) },
              ];
            }),
          );
        const a3: Answers = { author: 'alex', items: items(a, a2, b, b2) };
        const b3: Answers = { author: 'sam', items: items(b, b2, a, a2) };
        if (JSON.stringify([a, b]) !== JSON.stringify([a3, b3])) changed++;
        expect(JSON.stringify(revealOverlap(catalogue, a3, b3))).toBe(
          JSON.stringify(revealOverlap(catalogue, a, b)),
        );
      }),
      run,
    );
    expectCoverage('changed answers', changed, run, 0.9);
  });
});

describe('negotiationView', () => {
  it('[P3] never shows a partner anything of the other’s answers beyond the overlap', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('alex', 'sam'), ({ catalogue, a, b }, viewer) => {
        const view = negotiationView(catalogue, [a, b], viewer);
        const partner = viewer === 'alex' ? 'sam' : 'alex';
        expect(view.own.author).toBe(viewer);
        expect(view.own).toBe(viewer === 'alex' ? a : b);
        expect(JSON.stringify(view)).not.toContain(`secret-note-${partner}`);
        expect(view.overlap).toStrictEqual(revealOverlap(catalogue, a, b));
      }),
      params(300),
    );
  });
});
