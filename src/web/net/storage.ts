/**
 * This browser's own storage, for the few things a screen keeps (secrets, a pairing code, a
 * setting). Storage can be missing, disabled or full (private windows, Node in tests): every
 * read then finds nothing and every write is skipped, and the page still works for this visit.
 */
export type StoreKind = 'local' | 'session';
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function browserStore(kind: StoreKind): Storage | null {
  const name = kind === 'local' ? 'localStorage' : 'sessionStorage';
  try {
    // Looked up by name: in some browsers (and in Node) the storage is missing or throws.
    return (globalThis as Partial<Record<typeof name, Storage>>)[name] ?? null;
  } catch {
    return null;
  }
}

export function readItem(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(store: KeyValueStore | null, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // Full or disabled: kept in memory on this page only.
  }
}

export function removeItem(store: KeyValueStore | null, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/** Stored JSON is read back trusting nothing: anything but an object reads as null. */
export function parseStoredObject(raw: string | null): Record<string, unknown> | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
