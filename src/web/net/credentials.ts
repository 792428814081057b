import type { Role } from '../../protocol/frames';
import {
  browserStore,
  parseStoredObject,
  readItem,
  removeItem,
  writeItem,
  type StoreKind,
} from './storage';

/**
 * Each participant's own secret (P2), kept in this browser only. The secret never goes in a URL;
 * `lastSeq` keeps sequence numbers rising across reloads, so a frame is never numbered twice.
 *
 * Normally in localStorage under `redline.credentials.<sceneId>`. When one browser holds both
 * roles of a scene (the console in one window, the panel in another, as `redline serve` suggests
 * for trying it on one computer), the second role is kept in that tab's sessionStorage under the
 * same key, so neither window takes over the other's role. Reads look in the tab first.
 */
export type Credentials = Readonly<{
  secret: string;
  role: Role;
  lastSeq: number;
  /** Optional: lets the home page link a solo scene to its own screen. */
  mode?: 'pair' | 'solo';
}>;
export type StoredScene = Readonly<{ sceneId: string; role: Role; mode: 'pair' | 'solo' | null }>;

const PREFIX = 'redline.credentials.';
const keyFor = (sceneId: string) => `${PREFIX}${sceneId}`;

function read(kind: StoreKind, sceneId: string): Credentials | null {
  return parseCredentials(readItem(browserStore(kind), keyFor(sceneId)));
}

function write(kind: StoreKind, sceneId: string, credentials: Credentials): void {
  writeItem(browserStore(kind), keyFor(sceneId), JSON.stringify(credentials));
}

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
  return read('session', sceneId) ?? read('local', sceneId);
}

/** Keeps a participant's secret; never overwrites the other role's secret for the same scene. */
export function saveCredentials(sceneId: string, credentials: Credentials): void {
  const inTab = read('session', sceneId);
  const kept = read('local', sceneId);
  const tabOnly =
    inTab?.role === credentials.role || (kept !== null && kept.role !== credentials.role);
  write(tabOnly ? 'session' : 'local', sceneId, credentials);
}

export function forgetCredentials(sceneId: string): void {
  for (const kind of ['local', 'session'] as const) removeItem(browserStore(kind), keyFor(sceneId));
}

/** Raises the stored lastSeq (never lowers it). Called after a frame has been written. */
export function rememberLastSeq(sceneId: string, seq: number): void {
  const inTab = read('session', sceneId);
  const kind = inTab === null ? 'local' : 'session';
  const current = inTab ?? read('local', sceneId);
  if (current === null || seq <= current.lastSeq) return;
  write(kind, sceneId, { ...current, lastSeq: seq });
}

/** Every scene this browser holds a secret for, for the home page. */
export function listStoredScenes(): StoredScene[] {
  const scenes: StoredScene[] = [];
  for (const kind of ['session', 'local'] as const) {
    const storage = browserStore(kind);
    if (storage === null) continue;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key === null || !key.startsWith(PREFIX)) continue;
      const credentials = parseCredentials(storage.getItem(key));
      if (credentials === null) continue;
      const { role, mode } = credentials;
      const sceneId = key.slice(PREFIX.length);
      if (!scenes.some((s) => s.sceneId === sceneId && s.role === role))
        scenes.push({ sceneId, role, mode: mode ?? null });
    }
  }
  return scenes.sort((a, b) => a.sceneId.localeCompare(b.sceneId) || a.role.localeCompare(b.role));
}
