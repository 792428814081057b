import type { Pairing } from '../net/api';

/**
 * The current pairing code, kept for this tab only (sessionStorage), never in the console's URL:
 * codes must not reach history, bookmarks or server logs.
 */
type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyFor = (sceneId: string) => `redline.pairing.${sceneId}`;

function session(): Store | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function parsePairing(raw: string | null): Pairing | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { code, expiresAt, panelUrl } = value as Record<string, unknown>;
  if (typeof code !== 'string' || !/^[A-Z0-9]{4,12}$/.test(code)) return null;
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) return null;
  if (typeof panelUrl !== 'string' || !/^https?:\/\//.test(panelUrl)) return null;
  return { code, expiresAt, panelUrl };
}

export function loadPairing(sceneId: string, store: Store | null = session()): Pairing | null {
  try {
    return parsePairing(store?.getItem(keyFor(sceneId)) ?? null);
  } catch {
    return null;
  }
}

export function savePairing(sceneId: string, pairing: Pairing, store: Store | null = session()) {
  try {
    store?.setItem(keyFor(sceneId), JSON.stringify(pairing));
  } catch {
    // Storage disabled: the code stays in memory on this page only.
  }
}

export function forgetPairing(sceneId: string, store: Store | null = session()) {
  try {
    store?.removeItem(keyFor(sceneId));
  } catch {
    // Nothing to do.
  }
}
