import type { Pairing } from '../net/api';
import {
  browserStore,
  parseStoredObject,
  readItem,
  removeItem,
  writeItem,
  type KeyValueStore,
} from '../net/storage';

/**
 * The current pairing code, kept for this tab only (sessionStorage), never in the console's URL:
 * codes must not reach history, bookmarks or server logs.
 */
const keyFor = (sceneId: string) => `redline.pairing.${sceneId}`;
const session = () => browserStore('session');

export function parsePairing(raw: string | null): Pairing | null {
  const value = parseStoredObject(raw);
  if (value === null) return null;
  const { code, expiresAt, panelUrl } = value;
  if (typeof code !== 'string' || !/^[A-Z0-9]{4,12}$/.test(code)) return null;
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) return null;
  if (typeof panelUrl !== 'string' || !/^https?:\/\//.test(panelUrl)) return null;
  return { code, expiresAt, panelUrl };
}

export function loadPairing(
  sceneId: string,
  store: KeyValueStore | null = session(),
): Pairing | null {
  return parsePairing(readItem(store, keyFor(sceneId)));
}

export function savePairing(
  sceneId: string,
  pairing: Pairing,
  store: KeyValueStore | null = session(),
): void {
  writeItem(store, keyFor(sceneId), JSON.stringify(pairing));
}

export function forgetPairing(sceneId: string, store: KeyValueStore | null = session()): void {
  removeItem(store, keyFor(sceneId));
}
