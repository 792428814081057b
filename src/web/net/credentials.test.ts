import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetCredentials,
  listStoredScenes,
  loadCredentials,
  parseCredentials,
  rememberLastSeq,
  saveCredentials,
} from './credentials';
import { memoryStorage } from '../test-support/storage.test-support';

const secret = 'a'.repeat(43);

describe('credentials', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
    vi.stubGlobal('sessionStorage', memoryStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('round-trips through storage under redline.credentials.<sceneId>', () => {
    saveCredentials('abc', { secret, role: 'submissive', lastSeq: 0 });
    expect(localStorage.getItem('redline.credentials.abc')).toContain(secret);
    expect(loadCredentials('abc')).toEqual({ secret, role: 'submissive', lastSeq: 0 });
  });

  it('only ever raises lastSeq', () => {
    saveCredentials('abc', { secret, role: 'submissive', lastSeq: 10 });
    rememberLastSeq('abc', 12);
    rememberLastSeq('abc', 5);
    expect(loadCredentials('abc')?.lastSeq).toBe(12);
  });

  it('lists and forgets stored scenes', () => {
    saveCredentials('b', { secret, role: 'dominant', lastSeq: 0 });
    saveCredentials('a', { secret, role: 'submissive', lastSeq: 0, mode: 'solo' });
    localStorage.setItem('other.key', 'x');
    expect(listStoredScenes()).toEqual([
      { sceneId: 'a', role: 'submissive', mode: 'solo' },
      { sceneId: 'b', role: 'dominant', mode: null },
    ]);
    forgetCredentials('a');
    expect(listStoredScenes().map((s) => s.sceneId)).toEqual(['b']);
  });

  it('keeps a second role of the same scene in this tab only, never over the first', () => {
    const other = 'b'.repeat(43);
    saveCredentials('abc', { secret, role: 'dominant', lastSeq: 3 });
    saveCredentials('abc', { secret: other, role: 'submissive', lastSeq: 0, mode: 'pair' });
    expect(loadCredentials('abc')?.role).toBe('submissive');
    rememberLastSeq('abc', 9);
    expect(sessionStorage.getItem('redline.credentials.abc')).toContain('"lastSeq":9');
    // Another window (a fresh tab) still finds the dominant's secret, untouched.
    vi.stubGlobal('sessionStorage', memoryStorage());
    expect(loadCredentials('abc')).toEqual({ secret, role: 'dominant', lastSeq: 3 });
  });

  it('treats anything malformed as missing', () => {
    for (const raw of [
      null,
      '',
      'x',
      '[]',
      '{}',
      '{"secret":"short","role":"submissive"}',
      `{"secret":"${secret}","role":"admin"}`,
    ])
      expect(parseCredentials(raw)).toBeNull();
    expect(parseCredentials(`{"secret":"${secret}","role":"dominant","lastSeq":-3}`)?.lastSeq).toBe(
      0,
    );
  });

  it('copes without storage at all', () => {
    vi.stubGlobal('localStorage', undefined);
    vi.stubGlobal('sessionStorage', undefined);
    expect(loadCredentials('abc')).toBeNull();
    expect(listStoredScenes()).toEqual([]);
    expect(() => {
      saveCredentials('abc', { secret, role: 'dominant', lastSeq: 0 });
    }).not.toThrow();
  });
});
