import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../test-support/storage.test-support';
import {
  forgetTalk,
  listTalks,
  loadTalk,
  parseTalkCredentials,
  saveTalk,
} from './talk-credentials';

const SECRET = 'a'.repeat(43);
const OTHER = 'b'.repeat(43);

describe('negotiation secrets in this browser', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
    vi.stubGlobal('sessionStorage', memoryStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps and forgets a partner', () => {
    saveTalk('n1', { secret: SECRET, role: 'dominant', name: 'Sam' });
    expect(loadTalk('n1')).toEqual({ secret: SECRET, role: 'dominant', name: 'Sam' });
    expect(listTalks()).toEqual([{ negotiationId: 'n1', role: 'dominant', name: 'Sam' }]);
    forgetTalk('n1');
    expect(loadTalk('n1')).toBeNull();
  });

  it('keeps the second partner of one negotiation in the tab, never over the first', () => {
    saveTalk('n1', { secret: SECRET, role: 'dominant', name: 'Sam' });
    saveTalk('n1', { secret: OTHER, role: 'submissive', name: 'Alex' });
    expect(loadTalk('n1')?.role).toBe('submissive');
    expect(globalThis.localStorage.getItem('redline.talk.n1')).toContain('dominant');
  });

  it('reads anything malformed as missing', () => {
    for (const raw of [
      null,
      'nope',
      '[]',
      '{"secret":"short","role":"dominant","name":"x"}',
      `{"secret":"${SECRET}","role":"boss","name":"x"}`,
      `{"secret":"${SECRET}","role":"dominant","name":""}`,
    ])
      expect(parseTalkCredentials(raw)).toBeNull();
  });
});
