import { z } from 'zod';
import { parseWith, type Result } from '../validation';
import { FOLLOW_UP_FEELINGS } from './follow-up-times';

/** An answer to a follow-up: how one feels, and a short note if they like. */
export const followUpAnswerSchema = z.strictObject({
  feeling: z.enum(FOLLOW_UP_FEELINGS),
  note: z.string().max(1000, 'must be at most 1000 characters').optional(),
});
export type FollowUpAnswer = z.infer<typeof followUpAnswerSchema>;

export function parseFollowUpAnswer(input: unknown): Result<FollowUpAnswer> {
  return parseWith(followUpAnswerSchema, input);
}
