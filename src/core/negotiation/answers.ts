import { z } from 'zod';
import { parseWith, type Result } from '../validation';
import { type ActivityRole, type Catalogue } from './catalogue';

/**
 * One participant's private answers: for each catalogue item and role, yes / maybe / no with an
 * optional note. These are private (DESIGN.md P3): only their author ever sees them; the partner
 * sees at most the overlap (`revealOverlap`).
 */

export const RATINGS = ['yes', 'maybe', 'no'] as const;
export type Rating = (typeof RATINGS)[number];

const roleAnswerSchema = z.strictObject({
  rating: z.enum(RATINGS),
  note: z.string().max(500, 'must be at most 500 characters').optional(),
});
export type RoleAnswer = { rating: Rating; note?: string | undefined };

/** Either role may be left unanswered; an unanswered role reveals exactly what a "no" does. */
export type ItemAnswers = { [R in ActivityRole]?: RoleAnswer | undefined };

export type Answers = {
  /** The participant who wrote them: set from authentication, never from the submitted body. */
  author: string;
  /** Keyed by catalogue item id; items not yet answered are absent. */
  items: Readonly<Record<string, ItemAnswers>>;
};

function answersSchema(catalogue: Catalogue) {
  const ids = new Set(catalogue.items.map((i) => i.id));
  return z.strictObject({
    items: z
      .record(
        z.string(),
        z.strictObject({ giving: roleAnswerSchema, receiving: roleAnswerSchema }).partial(),
      )
      .superRefine((items, ctx) => {
        for (const id of Object.keys(items))
          if (!ids.has(id))
            ctx.addIssue({
              code: 'custom',
              path: [id],
              message: 'is not an item in the catalogue',
            });
      }),
  });
}

function hasOwnProtoKey(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'items')) return false;
  const items: unknown = (input as { items: unknown }).items;
  return typeof items === 'object' && items !== null && Object.hasOwn(items, '__proto__');
}

/**
 * Validates a participant's submitted answers against the catalogue. `author` comes from the
 * authenticated session, so a participant cannot file answers under the other's name.
 */
export function parseAnswers(
  input: unknown,
  catalogue: Catalogue,
  author: string,
): Result<Answers> {
  // zod's record drops a `__proto__` key without a word; refuse it like any other unknown id.
  if (hasOwnProtoKey(input))
    return { ok: false, errors: ['items.__proto__: is not an item in the catalogue'] };
  const parsed = parseWith(answersSchema(catalogue), input);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { author, items: parsed.value.items } };
}

/** The answer a participant gave for one item and role, or undefined if they have not answered. */
export function answerFor(
  answers: Answers,
  id: string,
  role: ActivityRole,
): RoleAnswer | undefined {
  return Object.hasOwn(answers.items, id) ? answers.items[id]?.[role] : undefined;
}
