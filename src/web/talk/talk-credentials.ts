import type { Role } from '../../core';
import { roleStore } from '../net/role-store';
import { parseStoredObject } from '../net/storage';

/**
 * Each partner's own negotiation secret (P2), kept in this browser only, never in a URL, under
 * `redline.talk.<negotiationId>`. As for a scene's credentials (net/credentials.ts), when one
 * browser holds both partners of a negotiation (trying it out on one computer), the second is
 * kept in that tab's sessionStorage so neither window takes over the other's answers; reads look
 * in the tab first.
 */
export type TalkCredentials = Readonly<{ secret: string; role: Role; name: string }>;
export type StoredTalk = Readonly<{ negotiationId: string; role: Role; name: string }>;

const store = roleStore('redline.talk.', (raw) => parseTalkCredentials(raw));

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

export function loadTalk(negotiationId: string): TalkCredentials | null {
  return store.load(negotiationId);
}

/** Keeps a partner's secret; never overwrites the other partner's for the same negotiation. */
export function saveTalk(negotiationId: string, credentials: TalkCredentials): void {
  store.save(negotiationId, credentials);
}

export function forgetTalk(negotiationId: string): void {
  store.forget(negotiationId);
}

/** Every negotiation this browser holds a secret for (this tab's first), for the home page. */
export function listTalks(): StoredTalk[] {
  const talks: StoredTalk[] = [];
  for (const { id: negotiationId, value } of store.entries())
    if (!talks.some((t) => t.negotiationId === negotiationId))
      talks.push({ negotiationId, role: value.role, name: value.name });
  return talks;
}
