import type { Role } from '../../core/agreement/agreement';
import { browserStore, readItem, removeItem, writeItem, type StoreKind } from './storage';

/**
 * Per-id records that each belong to one role (a scene's or a negotiation's secret), under
 * `<prefix><id>`. Normally in localStorage; when one browser holds both roles of the same id (the
 * two screens tried on one computer), the second is kept in that tab's sessionStorage, so neither
 * window takes over the other's role. Reads look in the tab first; nothing read is trusted.
 */
export type RoleStore<T extends { role: Role }> = Readonly<{
  load(id: string): T | null;
  /** Keeps a record; never overwrites the other role's record for the same id. */
  save(id: string, value: T): void;
  forget(id: string): void;
  /** Rewrites a record where it is kept (the tab's first). */
  update(id: string, change: (current: T) => T | null): void;
  /** Every record this browser holds, this tab's first. */
  entries(): { id: string; value: T }[];
}>;

export function roleStore<T extends { role: Role }>(
  prefix: string,
  parse: (raw: string | null) => T | null,
): RoleStore<T> {
  const keyFor = (id: string) => `${prefix}${id}`;
  const read = (kind: StoreKind, id: string) => parse(readItem(browserStore(kind), keyFor(id)));
  const write = (kind: StoreKind, id: string, value: T) => {
    writeItem(browserStore(kind), keyFor(id), JSON.stringify(value));
  };
  return {
    load: (id) => read('session', id) ?? read('local', id),
    save(id, value) {
      const inTab = read('session', id);
      const kept = read('local', id);
      const tabOnly = inTab?.role === value.role || (kept !== null && kept.role !== value.role);
      write(tabOnly ? 'session' : 'local', id, value);
    },
    forget(id) {
      for (const kind of ['local', 'session'] as const) removeItem(browserStore(kind), keyFor(id));
    },
    update(id, change) {
      const inTab = read('session', id);
      const current = inTab ?? read('local', id);
      if (current === null) return;
      const next = change(current);
      if (next !== null) write(inTab === null ? 'local' : 'session', id, next);
    },
    entries() {
      const found: { id: string; value: T }[] = [];
      for (const kind of ['session', 'local'] as const) {
        const storage = browserStore(kind);
        if (storage === null) continue;
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key === null || !key.startsWith(prefix)) continue;
          const value = parse(storage.getItem(key));
          if (value !== null) found.push({ id: key.slice(prefix.length), value });
        }
      }
      return found;
    },
  };
}
