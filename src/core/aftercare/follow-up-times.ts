/**
 * The check-ins after a scene (DESIGN.md step 7): drop can come hours later or a day or two
 * later, so Redline asks each partner how they feel a few hours, one day and two days after the
 * stop. Times are wall-clock ms, passed in. No zod here: the web app's main bundle imports it.
 */
const HOUR_MS = 60 * 60 * 1000;
export const FOLLOW_UP_DELAYS_MS = [3 * HOUR_MS, 24 * HOUR_MS, 48 * HOUR_MS] as const;

export function followUpTimes(stopWallMs: number): number[] {
  return FOLLOW_UP_DELAYS_MS.map((delay) => stopWallMs + delay);
}

export const FOLLOW_UP_FEELINGS = ['good', 'okay', 'tired', 'low'] as const;
export type FollowUpFeeling = (typeof FOLLOW_UP_FEELINGS)[number];
