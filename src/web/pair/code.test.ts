import { describe, expect, it } from 'vitest';
import { isCodeShaped, normalizeCode, pairingFailureHint, pairingFailureTitle } from './code';

describe('pairing codes', () => {
  it('forgives case, spaces and dashes', () => {
    expect(normalizeCode(' k7q-m2x ')).toBe('K7QM2X');
    expect(isCodeShaped(normalizeCode('k7q m2x'))).toBe(true);
  });

  it('wants exactly 6 letters and digits', () => {
    for (const code of ['', 'K7QM2', 'K7QM2XX', 'K7QM2!']) expect(isCodeShaped(code)).toBe(false);
  });

  it('explains each refusal plainly', () => {
    expect(pairingFailureTitle(410)).toContain('expired');
    expect(pairingFailureTitle(429)).toBe('Too many tries');
    expect(pairingFailureHint(410)).toContain('new code');
    expect(pairingFailureTitle(0)).toContain('reach');
  });
});
