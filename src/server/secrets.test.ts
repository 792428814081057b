import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  hashSecret,
  newPairingCode,
  newSceneId,
  newSecret,
  normalizePairingCode,
} from './secrets';

describe('secrets', () => {
  it('makes long, distinct secrets and stores only a hash of them', () => {
    const a = newSecret();
    const b = newSecret();
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(43);
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(a)).not.toContain(a);
    expect(hashSecret(a)).toBe(hashSecret(a));
  });

  it('makes scene ids safe for URLs', () => {
    expect(newSceneId()).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('makes pairing codes from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = newPairingCode();
      expect(code).toHaveLength(CODE_LENGTH);
      for (const c of code) expect(CODE_ALPHABET).toContain(c);
    }
  });

  it('accepts codes as people type them and refuses what cannot be one', () => {
    expect(normalizePairingCode(' k7q-m2x ')).toBe('K7QM2X');
    expect(normalizePairingCode('K7QM2')).toBeNull();
    expect(normalizePairingCode('K7QM2O')).toBeNull();
    expect(normalizePairingCode('K7QM2X9')).toBeNull();
    expect(normalizePairingCode('')).toBeNull();
  });
});
