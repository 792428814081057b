import { z } from 'zod';
import { parseWith, type Result } from '../validation';

/**
 * A participant's debrief of a scene (DESIGN.md step 8): private to its author until they choose
 * what to share (P3). Every answer is optional — a debrief may be one word or nothing at all —
 * and the words people write are kept as written, at most 1000 characters each.
 */

export const FEELING_SCALE = [1, 2, 3, 4, 5] as const;
export const INTENSITY_ANSWERS = ['too-low', 'right', 'too-high'] as const;
export const LIMIT_ANSWERS = ['none', 'approached', 'crossed'] as const;
export const LIMIT_KINDS = [
  'intensity',
  'post-orgasm-time',
  'restraint',
  'words',
  'other',
] as const;
export const SIGNAL_ANSWERS = ['no', 'wanted-and-did', 'wanted-could-not'] as const;

export type IntensityAnswer = (typeof INTENSITY_ANSWERS)[number];
export type LimitAnswer = (typeof LIMIT_ANSWERS)[number];
export type LimitKind = (typeof LIMIT_KINDS)[number];
export type SignalAnswer = (typeof SIGNAL_ANSWERS)[number];

export const DEBRIEF_TEXT_MAX = 1000;
const text = z
  .string()
  .max(DEBRIEF_TEXT_MAX, `must be at most ${DEBRIEF_TEXT_MAX} characters`)
  .optional();

export const debriefAnswersSchema = z.strictObject({
  /** How do you feel now: 1 (very low) to 5 (very good), and in your own words. */
  feeling: z
    .strictObject({
      scale: z
        .int('must be a whole number')
        .min(1, 'must be 1 to 5')
        .max(5, 'must be 1 to 5')
        .optional(),
      words: text,
    })
    .optional(),
  /** Was the intensity right? */
  intensity: z.enum(INTENSITY_ANSWERS).optional(),
  /** Was any limit approached or crossed, and which. */
  limit: z
    .strictObject({
      answer: z.enum(LIMIT_ANSWERS),
      which: z
        .array(z.enum(LIMIT_KINDS))
        .max(LIMIT_KINDS.length)
        .refine((w) => new Set(w).size === w.length, 'must not list a limit twice')
        .optional(),
      note: text,
    })
    .optional(),
  /** Did you want to use a signal, and could you? */
  signal: z.strictObject({ answer: z.enum(SIGNAL_ANSWERS), why: text }).optional(),
  keep: text,
  change: text,
});

export type DebriefAnswers = z.infer<typeof debriefAnswersSchema>;

/** The answers one may share, each on its own (the debrief page has a box for each). */
export const DEBRIEF_FIELDS = [
  'feeling',
  'intensity',
  'limit',
  'signal',
  'keep',
  'change',
] as const;
export type DebriefField = (typeof DEBRIEF_FIELDS)[number];

export const shareRequestSchema = z.strictObject({
  fields: z
    .array(z.enum(DEBRIEF_FIELDS))
    .max(DEBRIEF_FIELDS.length)
    .refine((f) => new Set(f).size === f.length, 'must not list a field twice'),
});

export function parseDebriefAnswers(input: unknown): Result<DebriefAnswers> {
  return parseWith(debriefAnswersSchema, input);
}

/** Only the chosen answers, and only those given: what the partner will see. */
export function sharedPart(
  answers: DebriefAnswers,
  fields: readonly DebriefField[],
): DebriefAnswers {
  return Object.fromEntries(
    DEBRIEF_FIELDS.filter((f) => fields.includes(f) && answers[f] !== undefined).map((f) => [
      f,
      answers[f],
    ]),
  );
}

/** The fields a debrief has an answer in, in the page's order. */
export function answeredFields(answers: DebriefAnswers): DebriefField[] {
  return DEBRIEF_FIELDS.filter((f) => answers[f] !== undefined);
}
