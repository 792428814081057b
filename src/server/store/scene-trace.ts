import { replay, traceCsv, type Result } from '../../core';
import { openExistingStore, type DataOptions } from './open-data';
import type { Store } from './store';
import { reasonOf } from './store-error';

export { TRACE_HEADER } from '../../core';

/**
 * A scene's traces as CSV in Redline's plain trace format: one row per scene-clock millisecond
 * at which something was recorded — a pressure or heart-rate reading (the readings table), or a
 * change of the governed output (from replaying the scene's events with the core). `output` is
 * on every row: the highest level applied to any of the scene's outputs at that moment (0–1),
 * held until it next changes. `pressure` and `hr` are filled only on the rows where such a
 * reading was taken (the first, if two share a millisecond), empty elsewhere. Events are read
 * back through the store, so a damaged log is reported, never plotted.
 */
export function sceneTraceCsv(
  store: Pick<Store, 'events' | 'history'>,
  sceneId: string,
): Result<string> {
  const events = store.events(sceneId);
  if (!events.ok) return events;
  let effects;
  try {
    effects = replay(events.value).effects;
  } catch (error) {
    return { ok: false, errors: [`scene "${sceneId}" does not replay: ${reasonOf(error)}`] };
  }
  return { ok: true, value: traceCsv(effects, store.history.readings(sceneId)) };
}

/** Opens the store at `path` (which must exist), returns the scene's trace and closes it. */
export function sceneTraceCsvAt(
  path: string,
  sceneId: string,
  options: DataOptions = {},
): Result<string> {
  const store = openExistingStore(path, options);
  try {
    return sceneTraceCsv(store, sceneId);
  } finally {
    store.close();
  }
}
