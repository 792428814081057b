import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../core/agreement/agreement';
import type { SealedAgreement } from '../../protocol/negotiation';
import { agreement as calm } from '../test-support/view.test-support';
import { parseRoute, routeHash } from '../app/route';
import {
  describeAgreement,
  exportName,
  hashForRoute,
  hashFromRoute,
  sealedText,
  shortHash,
  stateWords,
} from './agreement-words';
import { changedParts, partnerChangeNote } from './draft-changes';

const a: Agreement = {
  ...calm,
  activities: ['hands', 'custom:tickles'],
  toys: ['Wand'],
  safewords: { red: 'red', yellow: 'amber', nonVerbal: 'drop the keys' },
  notes: 'Water on the left.',
  detection: {
    sensorOrgasm: 'ask-dominant',
    distress: { hrCeilingBpm: 160, sustainSeconds: 20, action: 'red' },
  },
};
const hash = `sha256:${'ab12'.repeat(16)}`;
const when = (ms: number) => `T${ms}`;

describe('the agreement in plain words', () => {
  it('says every part, with activity labels where known', () => {
    const text = describeAgreement(a, { hands: 'Hands and fingers' })
      .flatMap((g) => [g.title, ...g.lines])
      .join('\n');
    for (const words of [
      'Robin runs the scene (dominant).',
      'Kai receives (submissive)',
      'Hands and fingers',
      'custom:tickles',
      'Only: Wand.',
      'Spoken “amber” slows down.',
      'When speaking is not possible: drop the keys.',
      'above 160 bpm for 20 seconds stops the scene',
      'Water on the left.',
      'Orgasms allowed: 2.',
      'Restraint',
    ])
      expect(text).toContain(words);
  });

  it('names hashes, states and files plainly', () => {
    expect(shortHash(hash)).toBe('ab12ab12…ab12');
    expect(exportName(hash, 'json')).toBe('redline-agreement-ab12ab12ab12.json');
    expect(stateWords('withdrawn', 'Kai', 5, when)).toBe('Withdrawn by Kai on T5');
    expect(stateWords('in-force')).toBe('In force');
  });

  it('carries a hash in the route as its 64 hex digits, which the router accepts', () => {
    const hex = hashForRoute(hash);
    const route = parseRoute(
      routeHash({ name: 'sealed', negotiationId: 'n1', agreementHash: hex }),
    );
    expect(route).toEqual({ name: 'sealed', negotiationId: 'n1', agreementHash: hex });
    expect(hashFromRoute(hex)).toBe(hash);
    expect(hashFromRoute(hash)).toBe(hash);
  });

  it('exports the sealed agreement as text with signatures and state', () => {
    const sealed: SealedAgreement = {
      agreementHash: hash,
      agreement: a,
      negotiationId: 'n1',
      sealedAt: 100,
      state: 'withdrawn',
      withdrawnAt: 200,
      withdrawnBy: 'submissive',
      signatures: [
        {
          participant: 'dominant',
          name: 'Robin',
          role: 'dominant',
          at: 50,
          agreementHash: hash,
          mac: 'm',
        },
        {
          participant: 'submissive',
          name: 'Kai',
          role: 'submissive',
          at: 100,
          agreementHash: hash,
          mac: 'm',
        },
      ],
    };
    const text = sealedText(sealed, {}, when);
    expect(text).toContain('State: Withdrawn by Kai on T200');
    expect(text).toContain(`Fingerprint (SHA-256): ${hash}`);
    expect(text).toContain('  - Robin (dominant), T50');
    expect(text).toContain('Safewords\n  - Spoken “red” stops everything at once.');
  });
});

describe("the partner's changes", () => {
  const draft = (
    version: number,
    agreement: Agreement,
    by: 'dominant' | 'submissive' = 'dominant',
  ) => ({
    version,
    agreement,
    agreementHash: hash,
    by,
    at: 0,
    sealed: null,
    signatures: [],
  });

  it('names the parts that changed', () => {
    expect(
      changedParts(calm, { ...calm, checkIn: { ...calm.checkIn, intervalSeconds: 90 } }),
    ).toEqual(['check-ins']);
  });

  it('says who changed the draft and which version, only for the partner’s new versions', () => {
    const seen = { version: 2, agreement: calm };
    expect(partnerChangeNote(draft(3, a), 'submissive', 'Sam', seen)).toBe(
      'Sam changed the draft (version 3): sensors, activities, toys, safewords, notes.',
    );
    expect(partnerChangeNote(draft(2, a), 'submissive', 'Sam', seen)).toBeNull();
    expect(partnerChangeNote(draft(3, a, 'submissive'), 'submissive', 'Sam', seen)).toBeNull();
    expect(partnerChangeNote(draft(1, a), 'submissive', 'Sam', null)).toBe(
      'Sam wrote this draft (version 1).',
    );
    expect(partnerChangeNote(null, 'submissive', 'Sam', seen)).toBeNull();
  });
});
