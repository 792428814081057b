import type { Agreement } from '../../core/agreement/agreement';
import type { SceneEvent } from '../../core/scene/events';
import { request, type ApiResult } from '../net/api';

/** What `GET /api/scenes/:id/history` gives one of the scene's two participants. */
export type Reading = Readonly<{ at: number; kind: 'pressure' | 'heart-rate'; value: number }>;
export type StopTiming = Readonly<{ at: number; reachedAfterMs: number }>;
export type SceneHistory = Readonly<{
  sceneId: string;
  mode: 'pair' | 'solo';
  createdWallMs: number;
  agreementHash: string;
  agreement: Agreement;
  events: readonly SceneEvent[];
  readings: readonly Reading[];
  stopTimings: readonly StopTiming[];
}>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isReading = (v: unknown) =>
  isRecord(v) &&
  typeof v.at === 'number' &&
  (v.kind === 'pressure' || v.kind === 'heart-rate') &&
  typeof v.value === 'number';
const isTiming = (v: unknown) =>
  isRecord(v) && typeof v.at === 'number' && typeof v.reachedAfterMs === 'number';

/**
 * The shape, checked loosely: the server validated every event when it read the log back, and
 * the fold says plainly if a log does not replay.
 */
export const isSceneHistory = (v: unknown): v is SceneHistory =>
  isRecord(v) &&
  typeof v.sceneId === 'string' &&
  (v.mode === 'pair' || v.mode === 'solo') &&
  typeof v.createdWallMs === 'number' &&
  typeof v.agreementHash === 'string' &&
  isRecord(v.agreement) &&
  Array.isArray(v.events) &&
  v.events.length > 0 &&
  (v.events as unknown[]).every((e) => isRecord(e) && typeof e.type === 'string') &&
  isRecord(v.events[0]) &&
  v.events[0].type === 'scene.created' &&
  Array.isArray(v.readings) &&
  v.readings.every(isReading) &&
  Array.isArray(v.stopTimings) &&
  v.stopTimings.every(isTiming);

/** One scene's history, with this participant's own secret (never in the URL). */
export function getHistory(sceneId: string, secret: string): Promise<ApiResult<SceneHistory>> {
  const path = `/api/scenes/${encodeURIComponent(sceneId)}/history`;
  return request(path, { secret }, isSceneHistory);
}
