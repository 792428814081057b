import { browserStore, readItem, writeItem } from '../net/storage';

/**
 * Which scenes this browser has debriefed (`redline.debriefed`: their ids, nothing else), so the
 * first debrief can offer the guide's reflective questions.
 */
const KEY = 'redline.debriefed';
const MAX = 200;

export function parseDebriefed(raw: string | null): string[] {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string').slice(-MAX)
      : [];
  } catch {
    return [];
  }
}

export function isFirstDebrief(sceneId: string): boolean {
  return parseDebriefed(readItem(browserStore('local'), KEY)).every((id) => id === sceneId);
}

export function markDebriefed(sceneId: string): void {
  const store = browserStore('local');
  const ids = parseDebriefed(readItem(store, KEY)).filter((id) => id !== sceneId);
  writeItem(store, KEY, JSON.stringify([...ids, sceneId].slice(-MAX)));
}
