import { answerFor, type Answers, type Rating } from './answers';
import type { ActivityGroup, Catalogue } from './catalogue';

/**
 * What negotiation reveals (DESIGN.md step 1 and P3): only the items both partners welcome in
 * complementary roles — one giving, the other receiving — with each side's yes or maybe.
 *
 * Inference leaks, and why this shape avoids them. Each partner can already work out something
 * from the overlap itself: if I said yes to giving an item and it is not revealed, my partner
 * said no to receiving it or has not answered. That much is inherent in any overlap. The reveal
 * adds nothing beyond it:
 * - Hidden pairs leave no trace: no placeholders, no counts of hidden or answered items, no
 *   "partner answered n of m", no per-item flags about the side that is not shown.
 * - "No" and "not answered" are indistinguishable: both simply leave the pair out.
 * - Order is the catalogue's (built-ins, then custom items as added), and matches within an item
 *   are ordered by giver id; neither depends on anyone's answers or on which partner asked.
 * - Notes never appear, not even on revealed items: a note may explain a no elsewhere.
 * - One-sided yes/maybe never appear: for an item where only one direction matches, the other
 *   direction is absent, whatever either partner said about it.
 * - The result is a function of the catalogue, the two authors and the mutual pairs only, and is
 *   the same whichever partner is passed first (tested as [P3] properties).
 * What this cannot prevent, and the shell must: a partner who rates everything yes learns
 * exactly which pairs the other welcomes, and a partner who changes answers and watches the
 * overlap learns the other's answers one item at a time. Reveal only once both have submitted,
 * and do not let answers change silently after the reveal (see README).
 */

/** Welcomed by both: `giver` said yes/maybe to giving, `receiver` yes/maybe to receiving. */
export type OverlapMatch = {
  giver: string;
  receiver: string;
  giverRating: Exclude<Rating, 'no'>;
  receiverRating: Exclude<Rating, 'no'>;
};

export type OverlapItem = {
  id: string;
  group: ActivityGroup;
  label: string;
  explanation: string;
  /** One or two matches (each partner giving), never empty. */
  matches: OverlapMatch[];
};

export type Overlap = { items: OverlapItem[] };

function welcomed(rating: Rating | undefined): rating is Exclude<Rating, 'no'> {
  return rating === 'yes' || rating === 'maybe';
}

function match(id: string, giver: Answers, receiver: Answers): OverlapMatch | null {
  const giverRating = answerFor(giver, id, 'giving')?.rating;
  const receiverRating = answerFor(receiver, id, 'receiving')?.rating;
  if (!welcomed(giverRating) || !welcomed(receiverRating)) return null;
  return { giver: giver.author, receiver: receiver.author, giverRating, receiverRating };
}

/** The items both partners welcome in complementary roles; see the note above on what it hides. */
export function revealOverlap(catalogue: Catalogue, a: Answers, b: Answers): Overlap {
  if (a.author === b.author) throw new Error('an overlap needs the answers of two partners');
  // Fixed order, independent of argument order: the partner with the smaller id gives first.
  const [first, second] = a.author < b.author ? [a, b] : [b, a];
  const items: OverlapItem[] = [];
  for (const item of catalogue.items) {
    const matches = [match(item.id, first, second), match(item.id, second, first)].filter(
      (m): m is OverlapMatch => m !== null,
    );
    if (matches.length > 0)
      items.push({
        id: item.id,
        group: item.group,
        label: item.label,
        explanation: item.explanation,
        matches,
      });
  }
  return { items };
}

/** A participant's own answers, notes included: the only answers that may go back to them. */
export function ownAnswers(all: readonly Answers[], author: string): Answers {
  return all.find((x) => x.author === author) ?? { author, items: {} };
}

/** Everything about negotiation that may be sent to `viewer`: their own answers and the overlap. */
export type NegotiationView = { own: Answers; overlap: Overlap | null };

/**
 * The single choke point for what a participant may see (P3). `all` holds the answers filed so
 * far (at most two authors); the overlap is null until the partner has answered too.
 */
export function negotiationView(
  catalogue: Catalogue,
  all: readonly Answers[],
  viewer: string,
): NegotiationView {
  const authors = new Set(all.map((x) => x.author));
  if (authors.size !== all.length || authors.size > 2)
    throw new Error('negotiation holds one set of answers for each of at most two partners');
  const own = ownAnswers(all, viewer);
  const partner = all.find((x) => x.author !== viewer);
  return {
    own,
    overlap:
      partner !== undefined && authors.has(viewer) ? revealOverlap(catalogue, own, partner) : null,
  };
}
