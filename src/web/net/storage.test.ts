import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserStore, parseStoredObject, readItem, removeItem, writeItem } from './storage';

const throwing = {
  getItem: () => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('full');
  },
  removeItem: () => {
    throw new Error('denied');
  },
};

describe('browser storage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('finds nothing and skips writes where storage is missing or refuses', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(browserStore('local')).toBeNull();
    expect(readItem(null, 'k')).toBeNull();
    expect(readItem(throwing, 'k')).toBeNull();
    expect(() => {
      writeItem(throwing, 'k', 'v');
      removeItem(throwing, 'k');
      writeItem(null, 'k', 'v');
    }).not.toThrow();
  });

  it('reads back only JSON objects', () => {
    expect(parseStoredObject('{"a":1}')).toEqual({ a: 1 });
    for (const raw of [null, '', 'nope', '1', '"s"', 'null', '[1]'])
      expect(parseStoredObject(raw)).toBeNull();
  });
});
