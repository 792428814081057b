import { describe, expect, it } from 'vitest';
import { forgetPairing, loadPairing, parsePairing, savePairing } from './pairing-store';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      map.set(k, v);
    },
    removeItem: (k: string) => {
      map.delete(k);
    },
  };
}

const pairing = {
  code: 'K7QM2X',
  expiresAt: 1_700_000_000_000,
  panelUrl: 'http://192.168.1.20:8417/#/pair/K7QM2X',
};

describe('pairing store', () => {
  it('keeps a pairing per scene and forgets it', () => {
    const store = memoryStore();
    savePairing('a', pairing, store);
    expect(loadPairing('a', store)).toEqual(pairing);
    expect(loadPairing('b', store)).toBeNull();
    forgetPairing('a', store);
    expect(loadPairing('a', store)).toBeNull();
  });

  it('trusts nothing it reads back', () => {
    expect(parsePairing('not json')).toBeNull();
    expect(parsePairing(JSON.stringify({ ...pairing, code: '<b>' }))).toBeNull();
    expect(
      parsePairing(JSON.stringify({ ...pairing, panelUrl: 'javascript:alert(1)' })),
    ).toBeNull();
    expect(parsePairing(JSON.stringify({ ...pairing, expiresAt: 'soon' }))).toBeNull();
    expect(parsePairing(null)).toBeNull();
  });

  it('works without storage', () => {
    expect(loadPairing('a', null)).toBeNull();
    savePairing('a', pairing, null);
  });
});
