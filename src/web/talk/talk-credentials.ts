import type { Role } from '../../core';
import {
  browserStore,
  parseStoredObject,
  readItem,
  removeItem,
  writeItem,
  type StoreKind,
} from '../net/storage';

/**
 * Each partner's own negotiation secret (P2), kept in this browser only, never in a URL, under
 * `redline.talk.<negotiationId>`. As for a scene's credentials (net/credentials.ts), when one
 * browser holds both partners of a negotiation (trying it out on one computer), the second is
 * kept in that tab's sessionStorage so neither window takes over the other's answers; reads look
 * in the tab first.
 */
export type TalkCredentials = Readonly<{ secret: string; role: Role; name: string }>;
export type StoredTalk = Readonly<{ negotiationId: string; role: Role; name: string }>;

const PREFIX = 'redline.talk.';
const keyFor = (negotiationId: string) => `${PREFIX}${negotiationId}`;

/** Reads what was stored, trusting nothing: anything malformed counts as missing. */
export function parseTalkCredentials(raw: string | null): TalkCredentials | null {
  const value = parseStoredObject(raw);
  if (value === null) return null;
  const { secret, role, name } = value;
  if (typeof secret !== 'string' || secret.length < 16 || secret.length > 128) return null;
  if (role !== 'dominant' && role !== 'submissive') return null;
  if (typeof name !== 'string' || name.length === 0 || name.length > 80) return null;
  return { secret, role, name };
}

const read = (kind: StoreKind, negotiationId: string) =>
  parseTalkCredentials(readItem(browserStore(kind), keyFor(negotiationId)));

export function loadTalk(negotiationId: string): TalkCredentials | null {
  return read('session', negotiationId) ?? read('local', negotiationId);
}

/** Keeps a partner's secret; never overwrites the other partner's for the same negotiation. */
export function saveTalk(negotiationId: string, credentials: TalkCredentials): void {
  const inTab = read('session', negotiationId);
  const kept = read('local', negotiationId);
  const tabOnly =
    inTab?.role === credentials.role || (kept !== null && kept.role !== credentials.role);
  writeItem(
    browserStore(tabOnly ? 'session' : 'local'),
    keyFor(negotiationId),
    JSON.stringify(credentials),
  );
}

export function forgetTalk(negotiationId: string): void {
  for (const kind of ['local', 'session'] as const)
    removeItem(browserStore(kind), keyFor(negotiationId));
}

/** Every negotiation this browser holds a secret for (this tab's first), for the home page. */
export function listTalks(): StoredTalk[] {
  const talks: StoredTalk[] = [];
  for (const kind of ['session', 'local'] as const) {
    const storage = browserStore(kind);
    if (storage === null) continue;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key === null || !key.startsWith(PREFIX)) continue;
      const found = parseTalkCredentials(storage.getItem(key));
      const negotiationId = key.slice(PREFIX.length);
      if (found !== null && !talks.some((t) => t.negotiationId === negotiationId))
        talks.push({ negotiationId, role: found.role, name: found.name });
    }
  }
  return talks;
}
