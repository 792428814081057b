import type { ApiError } from '../net/api';
import { loadCredentials, listStoredScenes } from '../net/credentials';
import { foldLog } from './fold';
import { getHistory, type SceneHistory } from './history-api';
import { summarize, type SceneSummary } from './summary';

export type Loaded =
  | { ok: true; history: SceneHistory; summary: SceneSummary }
  | { ok: false; sceneId: string; message: string };

/** The scenes this browser holds a secret for, each once (either role's secret will do). */
export function storedSceneIds(): string[] {
  return [...new Set(listStoredScenes().map((s) => s.sceneId))];
}

const failure = (sceneId: string, error: ApiError | string): Loaded => ({
  ok: false,
  sceneId,
  message: typeof error === 'string' ? error : error.message,
});

/** One scene's history, folded and summed up; a failure in plain words. */
export async function loadScene(sceneId: string): Promise<Loaded> {
  const credentials = loadCredentials(sceneId);
  if (credentials === null) return failure(sceneId, 'This device no longer holds a key for it.');
  const result = await getHistory(sceneId, credentials.secret);
  if (!result.ok) return failure(sceneId, result.error);
  const folded = foldLog(result.value.events);
  if (!folded.ok) return failure(sceneId, folded.error);
  return { ok: true, history: result.value, summary: summarize(result.value, folded.steps) };
}

/** Newest first; scenes that could not be read come last, in id order. */
export function newestFirst(loaded: readonly Loaded[]): Loaded[] {
  return [...loaded].sort((a, b) => {
    if (a.ok && b.ok) return b.summary.createdWallMs - a.summary.createdWallMs;
    if (a.ok !== b.ok) return a.ok ? -1 : 1;
    return (a.ok ? a.summary.sceneId : a.sceneId).localeCompare(
      b.ok ? b.summary.sceneId : b.sceneId,
    );
  });
}
