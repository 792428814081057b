import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agreement } from './agreement';
import { agreementHash, canonicalAgreement } from './hash';
import { generatedAgreementArb } from '../../../test/arbitraries/agreement';
import { pairAgreement, soloAgreement } from '../../../test/fixtures/agreements';
import { params } from '../../../test/support/property';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The same value with every object's keys in the order `order` gives them. */
function reorder(value: Json, order: (keys: string[]) => string[]): Json {
  if (Array.isArray(value)) return value.map((v) => reorder(v, order));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const key of order(Object.keys(value))) out[key] = reorder(value[key] ?? null, order);
  return out;
}

/** Paths to every primitive leaf. */
function leaves(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** A copy with the leaf at `path` changed to a different value of its kind. */
function changeLeaf(value: Json, path: (string | number)[]): Json {
  const copy = structuredClone(value);
  let parent: Json = copy;
  for (const part of path.slice(0, -1))
    parent = (parent as Record<string | number, Json>)[part] ?? null;
  const last = path.at(-1);
  if (last === undefined) throw new Error('no leaf');
  const holder = parent as Record<string | number, Json>;
  const old = holder[last] ?? null;
  holder[last] =
    typeof old === 'number'
      ? old + 1
      : typeof old === 'string'
        ? `${old}!`
        : typeof old === 'boolean'
          ? !old
          : 0;
  return copy;
}

const hash = (j: Json) => agreementHash(j as Agreement);
const asJson = (a: Agreement) => a as unknown as Json;

describe('agreementHash', () => {
  it('is a SHA-256 over the canonical JSON (RFC 8785: sorted keys, no spaces)', () => {
    expect(agreementHash(pairAgreement)).toMatch(/^sha256:[0-9a-f]{64}$/);
    const sorted = reorder(asJson(pairAgreement), (keys) => [...keys].sort());
    expect(canonicalAgreement(pairAgreement)).toBe(JSON.stringify(sorted));
    expect(agreementHash(pairAgreement)).not.toBe(agreementHash(soloAgreement));
  });

  it('is pinned for the pair fixture, so a signed agreement keeps its identity across versions', () => {
    // SHA-256 of the fixture's sorted-key JSON, computed independently with node:crypto.
    expect(agreementHash(pairAgreement)).toBe(
      'sha256:783a8b017b9a847deaa76c0ec0b44b95aa900daf5c62769c67b166dcc2009812',
    );
  });

  it('[S7] the optional lubricant field leaves agreements without it as they were: same text, same hash', () => {
    expect(canonicalAgreement(pairAgreement)).not.toContain('lubricant');
    const withLube: Agreement = { ...pairAgreement, lubricant: { reminderIntervalSeconds: 600 } };
    expect(agreementHash(withLube)).not.toBe(agreementHash(pairAgreement));
    expect(
      agreementHash({ ...pairAgreement, lubricant: { reminderIntervalSeconds: null } }),
    ).not.toBe(agreementHash(pairAgreement));
  });

  it('[S7] the optional detection field leaves agreements without it as they were: same text, same hash', () => {
    expect(canonicalAgreement(pairAgreement)).not.toContain('detection');
    expect(agreementHash(pairAgreement)).toBe(
      'sha256:783a8b017b9a847deaa76c0ec0b44b95aa900daf5c62769c67b166dcc2009812',
    );
    const detected: Agreement = {
      ...pairAgreement,
      detection: { sensorOrgasm: 'ask-dominant', distress: null },
    };
    expect(agreementHash(detected)).not.toBe(agreementHash(pairAgreement));
    expect(
      agreementHash({
        ...detected,
        detection: { sensorOrgasm: 'start-post-orgasm', distress: null },
      }),
    ).not.toBe(agreementHash(detected));
  });

  it('is stable under any key order', () => {
    fc.assert(
      fc.property(generatedAgreementArb, fc.nat(), (a, seed) => {
        // A permutation of the keys that depends on the seed.
        const score = (k: string) =>
          Array.from(k, (c) => c.charCodeAt(0)).reduce(
            (h, c) => (h * 33 + c + seed) % 1_000_003,
            7,
          );
        const shuffle = (keys: string[]) => [...keys].sort((x, y) => score(x) - score(y));
        const h = agreementHash(a);
        expect(hash(reorder(asJson(a), (keys) => [...keys].reverse()))).toBe(h);
        expect(hash(reorder(asJson(a), shuffle))).toBe(h);
      }),
      params(300),
    );
  });

  it('changes when any value changes', () => {
    fc.assert(
      fc.property(generatedAgreementArb, fc.nat(), (a, pick) => {
        const paths = leaves(asJson(a));
        const path = paths[pick % paths.length] ?? [];
        expect(hash(changeLeaf(asJson(a), path))).not.toBe(agreementHash(a));
      }),
      params(500),
    );
  });
});
