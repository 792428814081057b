import type { Agreement } from '../../core/agreement/agreement';
import { browserStore, parseStoredObject, readItem, writeItem } from '../net/storage';

/**
 * What this browser remembers about agreements: which drafts the receiver has rehearsed (by
 * their exact hash), and the last draft each partner saw, to say what the other changed.
 */
const rehearsedKey = (hash: string) => `redline.rehearsed.${hash}`;
const seenKey = (negotiationId: string) => `redline.draftSeen.${negotiationId}`;

export function isRehearsedDraft(hash: string): boolean {
  return readItem(browserStore('local'), rehearsedKey(hash)) !== null;
}

export function markRehearsed(hash: string, at: number): void {
  writeItem(browserStore('local'), rehearsedKey(hash), JSON.stringify({ at }));
}

export type SeenDraft = Readonly<{ version: number; agreement: Agreement }>;

export function loadSeenDraft(negotiationId: string): SeenDraft | null {
  const value = parseStoredObject(readItem(browserStore('local'), seenKey(negotiationId)));
  if (value === null || typeof value.version !== 'number') return null;
  const agreement = value.agreement;
  if (typeof agreement !== 'object' || agreement === null) return null;
  return { version: value.version, agreement: agreement as Agreement };
}

export function saveSeenDraft(negotiationId: string, seen: SeenDraft): void {
  writeItem(browserStore('local'), seenKey(negotiationId), JSON.stringify(seen));
}
