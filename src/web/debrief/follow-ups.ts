import type { FollowUpsView } from '../../protocol/debrief';

/**
 * Which follow-ups to show now, and when the next one comes, by this device's clock: the server
 * keeps their times, the page decides what is due when it looks.
 */
export type SceneFollowUps = Readonly<{ sceneId: string; view: FollowUpsView }>;
export type DueCheckIn = Readonly<{
  sceneId: string;
  stoppedAt: number;
  /** Every follow-up of the scene due and unanswered: one answer covers them all. */
  dueAt: readonly number[];
}>;

export function dueCheckIns(scenes: readonly SceneFollowUps[], now: number): DueCheckIn[] {
  return scenes.flatMap(({ sceneId, view }) => {
    if (view.stoppedAt === null) return [];
    const dueAt = view.followUps
      .filter((f) => f.answeredAt === null && f.dueAt <= now)
      .map((f) => f.dueAt);
    return dueAt.length === 0 ? [] : [{ sceneId, stoppedAt: view.stoppedAt, dueAt }];
  });
}

/** The next unanswered follow-up still to come, or null. */
export function nextDueAt(scenes: readonly SceneFollowUps[], now: number): number | null {
  const upcoming = scenes
    .flatMap(({ view }) => view.followUps)
    .filter((f) => f.answeredAt === null && f.dueAt > now)
    .map((f) => f.dueAt);
  return upcoming.length === 0 ? null : Math.min(...upcoming);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayStart = (ms: number) => {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/** "today's scene", "yesterday's scene", "Saturday's scene" (this device's time zone). */
export function sceneDayWords(stoppedAt: number, now: number): string {
  const days = Math.round((dayStart(now) - dayStart(stoppedAt)) / DAY_MS);
  if (days <= 0) return "today's scene";
  if (days === 1) return "yesterday's scene";
  if (days < 7) {
    const weekday = new Date(stoppedAt).toLocaleDateString('en-GB', { weekday: 'long' });
    return `${weekday}'s scene`;
  }
  const date = new Date(stoppedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long' });
  return `the scene on ${date}`;
}
