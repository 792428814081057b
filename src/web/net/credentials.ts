import type { Role } from '../../protocol/frames';
import { roleStore } from './role-store';
import { parseStoredObject } from './storage';

/**
 * Each participant's own secret (P2), kept in this browser only. The secret never goes in a URL;
 * `lastSeq` keeps sequence numbers rising across reloads, so a frame is never numbered twice.
 *
 * Kept under `redline.credentials.<sceneId>` by a `roleStore`: when one browser holds both roles
 * of a scene (the console in one window, the panel in another, as `redline serve` suggests for
 * trying it on one computer), the second is kept in that tab, so neither takes over the other.
 */
export type Credentials = Readonly<{
  secret: string;
  role: Role;
  lastSeq: number;
  /** Optional: lets the home page link a solo scene to its own screen. */
  mode?: 'pair' | 'solo';
}>;
export type StoredScene = Readonly<{ sceneId: string; role: Role; mode: 'pair' | 'solo' | null }>;

const store = roleStore('redline.credentials.', (raw) => parseCredentials(raw));

/** Reads what was stored, trusting nothing: anything malformed counts as missing. */
export function parseCredentials(raw: string | null): Credentials | null {
  const value = parseStoredObject(raw);
  if (value === null) return null;
  const { secret, role, lastSeq, mode } = value;
  if (typeof secret !== 'string' || secret.length < 16 || secret.length > 128) return null;
  if (role !== 'dominant' && role !== 'submissive') return null;
  const seq = typeof lastSeq === 'number' && Number.isSafeInteger(lastSeq) && lastSeq >= 0;
  const base = { secret, role, lastSeq: seq ? lastSeq : 0 } as const;
  return mode === 'pair' || mode === 'solo' ? { ...base, mode } : base;
}

export function loadCredentials(sceneId: string): Credentials | null {
  return store.load(sceneId);
}

/** Keeps a participant's secret; never overwrites the other role's secret for the same scene. */
export function saveCredentials(sceneId: string, credentials: Credentials): void {
  store.save(sceneId, credentials);
}

export function forgetCredentials(sceneId: string): void {
  store.forget(sceneId);
}

/** Raises the stored lastSeq (never lowers it). Called after a frame has been written. */
export function rememberLastSeq(sceneId: string, seq: number): void {
  store.update(sceneId, (current) =>
    seq <= current.lastSeq ? null : { ...current, lastSeq: seq },
  );
}

/** Every scene this browser holds a secret for, for the home page. */
export function listStoredScenes(): StoredScene[] {
  const scenes: StoredScene[] = [];
  for (const { id: sceneId, value } of store.entries()) {
    const { role, mode } = value;
    if (!scenes.some((s) => s.sceneId === sceneId && s.role === role))
      scenes.push({ sceneId, role, mode: mode ?? null });
  }
  return scenes.sort((a, b) => a.sceneId.localeCompare(b.sceneId) || a.role.localeCompare(b.role));
}
