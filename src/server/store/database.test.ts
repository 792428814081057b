import { describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS, openDatabase } from './database';
import { useTempStores } from './temp-store.test-support';

describe('openDatabase', () => {
  const stores = useTempStores();

  it('sets write-ahead logging, full sync, foreign keys and a short busy timeout', () => {
    const db = openDatabase(stores.path());
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    } finally {
      db.close();
    }
  });
});
