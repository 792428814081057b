import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../test-support/storage.test-support';
import {
  EMPTY_REFLECTION,
  loadReflection,
  parseReflection,
  reflectionKey,
  saveReflection,
} from './reflection';

describe('reflection notes, kept in this browser only', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps notes per negotiation under redline.reflection.<id>', () => {
    saveReflection('n1', { afterOrgasm: 'very sensitive', boundaries: '' });
    expect(reflectionKey('n1')).toBe('redline.reflection.n1');
    expect(globalThis.localStorage.getItem('redline.reflection.n1')).toContain('very sensitive');
    expect(loadReflection('n1')).toEqual({ afterOrgasm: 'very sensitive', boundaries: '' });
    expect(loadReflection('n2')).toEqual(EMPTY_REFLECTION);
  });

  it('leaves nothing behind once both notes are empty', () => {
    saveReflection('n1', { afterOrgasm: 'x', boundaries: 'y' });
    saveReflection('n1', EMPTY_REFLECTION);
    expect(globalThis.localStorage.getItem('redline.reflection.n1')).toBeNull();
  });

  it('reads anything malformed as empty', () => {
    for (const raw of [null, 'nope', '[]', '{"afterOrgasm":3}'])
      expect(parseReflection(raw)).toEqual(EMPTY_REFLECTION);
  });
});
