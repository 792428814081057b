import type { DebriefAnswers, FollowUpAnswer, Role, Suggestion } from '../core';

/**
 * What the debrief and follow-up API answers (src/server/http/aftercare-routes.ts), shared by
 * the server and the web app. Types only. Times are wall-clock ms.
 */

/** `GET /api/scenes/:id/debrief`: your own answers, and only what your partner shared (P3). */
export type DebriefView = {
  sceneId: string;
  mode: 'pair' | 'solo';
  /** When the scene stopped; null while it has not. */
  stoppedAt: number | null;
  you: {
    role: Role;
    name: string;
    /** Your private answers; null until you save some. */
    answers: DebriefAnswers | null;
    updatedAt: number | null;
    /** What you shared, as you shared it; null when nothing is. */
    shared: DebriefAnswers | null;
    sharedAt: number | null;
  };
  /** Null in a solo scene. */
  partner: {
    role: Role;
    name: string;
    shared: DebriefAnswers | null;
    sharedAt: number | null;
  } | null;
  /** What the shared answers (yours and your partner's) suggest for the next agreement. */
  suggestions: Suggestion[];
};

export type FollowUpView = {
  dueAt: number;
  answeredAt: number | null;
  answer: FollowUpAnswer | null;
};

/** `GET /api/scenes/:id/follow-ups`: yours, created once the scene has stopped. */
export type FollowUpsView = {
  sceneId: string;
  stoppedAt: number | null;
  followUps: FollowUpView[];
};
