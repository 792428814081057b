import type { DebriefAnswers, DebriefField, FollowUpAnswer } from '../../core';
import type { DebriefView, FollowUpsView } from '../../protocol/debrief';
import { request, type ApiResult } from '../net/api';

/**
 * The debrief and follow-up API (src/server/http/aftercare-routes.ts), each call with this
 * participant's own scene secret (P2). Failures are values, as in ../net/api.ts.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const isDebriefView = (v: unknown): v is DebriefView =>
  isRecord(v) &&
  typeof v.sceneId === 'string' &&
  (v.mode === 'pair' || v.mode === 'solo') &&
  isRecord(v.you) &&
  (v.partner === null || isRecord(v.partner)) &&
  Array.isArray(v.suggestions);

export const isFollowUpsView = (v: unknown): v is FollowUpsView =>
  isRecord(v) &&
  typeof v.sceneId === 'string' &&
  (v.stoppedAt === null || typeof v.stoppedAt === 'number') &&
  Array.isArray(v.followUps) &&
  v.followUps.every((f) => isRecord(f) && typeof f.dueAt === 'number');

const base = (sceneId: string) => `/api/scenes/${encodeURIComponent(sceneId)}`;

export function readDebrief(sceneId: string, secret: string): Promise<ApiResult<DebriefView>> {
  return request(`${base(sceneId)}/debrief`, { secret }, isDebriefView);
}

export function saveDebrief(
  sceneId: string,
  secret: string,
  answers: DebriefAnswers,
): Promise<ApiResult<DebriefView>> {
  return request(
    `${base(sceneId)}/debrief`,
    { method: 'PUT', body: answers, secret },
    isDebriefView,
  );
}

export function shareDebrief(
  sceneId: string,
  secret: string,
  fields: readonly DebriefField[],
): Promise<ApiResult<DebriefView>> {
  return request(
    `${base(sceneId)}/debrief/share`,
    { method: 'POST', body: { fields }, secret },
    isDebriefView,
  );
}

export function readFollowUps(sceneId: string, secret: string): Promise<ApiResult<FollowUpsView>> {
  return request(`${base(sceneId)}/follow-ups`, { secret }, isFollowUpsView);
}

export function answerFollowUp(
  sceneId: string,
  secret: string,
  dueAt: number,
  answer: FollowUpAnswer,
): Promise<ApiResult<FollowUpsView>> {
  return request(
    `${base(sceneId)}/follow-ups/${String(dueAt)}`,
    { method: 'POST', body: answer, secret },
    isFollowUpsView,
  );
}
