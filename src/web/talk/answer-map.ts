import type { ActivityRole, ItemAnswers, Rating, RoleAnswer } from '../../core';

/**
 * Editing one partner's private answers for this round, as the map `putAnswers` sends whole.
 * Every function returns a new map; the old one is never changed (React state).
 */
export type AnswerMap = Readonly<Record<string, ItemAnswers>>;

export const ACTIVITY_ROLES: readonly ActivityRole[] = ['giving', 'receiving'];
export const RATINGS: readonly Rating[] = ['yes', 'maybe', 'no'];
export const NOTE_MAX = 500;

const own = (map: AnswerMap, id: string): ItemAnswers | undefined =>
  Object.hasOwn(map, id) ? map[id] : undefined;

export function answerOf(map: AnswerMap, id: string, role: ActivityRole): RoleAnswer | undefined {
  return own(map, id)?.[role];
}

export function setRating(
  map: AnswerMap,
  id: string,
  role: ActivityRole,
  rating: Rating,
): AnswerMap {
  const item = own(map, id) ?? {};
  const note = item[role]?.note;
  const answer: RoleAnswer = note === undefined ? { rating } : { rating, note };
  return { ...map, [id]: { ...item, [role]: answer } };
}

/** A note belongs to a rated role; without a rating there is nothing to attach it to. */
export function setNote(map: AnswerMap, id: string, role: ActivityRole, note: string): AnswerMap {
  const item = own(map, id);
  const answer = item?.[role];
  if (item === undefined || answer === undefined) return map;
  const text = note.slice(0, NOTE_MAX);
  const next: RoleAnswer =
    text === '' ? { rating: answer.rating } : { rating: answer.rating, note: text };
  return { ...map, [id]: { ...item, [role]: next } };
}

/** What is sent: no empty notes, no items without an answer, only known roles. */
export function cleanAnswers(map: AnswerMap): Record<string, ItemAnswers> {
  const out: Record<string, ItemAnswers> = {};
  for (const [id, item] of Object.entries(map)) {
    const clean: ItemAnswers = {};
    for (const role of ACTIVITY_ROLES) {
      const answer = item[role];
      if (answer === undefined) continue;
      const note = answer.note?.trim();
      clean[role] =
        note === undefined || note === ''
          ? { rating: answer.rating }
          : { rating: answer.rating, note: answer.note };
    }
    if (clean.giving !== undefined || clean.receiving !== undefined) out[id] = clean;
  }
  return out;
}

/** A stable text for comparing two maps, whatever order their keys were added in. */
export function answersKey(map: AnswerMap): string {
  const clean = cleanAnswers(map);
  return JSON.stringify(
    Object.keys(clean)
      .sort()
      .map((id) => {
        const item = clean[id] ?? {};
        return [id, ACTIVITY_ROLES.map((r) => [item[r]?.rating ?? null, item[r]?.note ?? null])];
      }),
  );
}

export function sameAnswers(a: AnswerMap, b: AnswerMap): boolean {
  return answersKey(a) === answersKey(b);
}

/** How many of the given items have at least one role answered (for "12 of 20 answered"). */
export function countAnswered(map: AnswerMap, itemIds: readonly string[]): number {
  return itemIds.filter((id) => {
    const item = own(map, id);
    return item?.giving !== undefined || item?.receiving !== undefined;
  }).length;
}
