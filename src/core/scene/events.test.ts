import { describe, expect, it } from 'vitest';
import { created } from '../../../test/fixtures/agreements';
import { parseWith } from '../validation';
import { sceneEventSchema } from './events';

function problems(input: unknown): string[] {
  const parsed = parseWith(sceneEventSchema, input);
  return parsed.ok ? [] : parsed.errors;
}

describe('scene events at the edge', () => {
  it('accepts the fixture scene', () => {
    expect(problems(created())).toStrictEqual([]);
  });

  it('[S2] refuses devices whose outputs would share a key', () => {
    const devices = [
      { id: 'a/b', name: 'Slash', features: [{ id: 'c', kind: 'vibrate' }] },
      { id: 'a', name: 'Twin', features: [{ id: 'b/c', kind: 'vibrate' }] },
      {
        id: 'a',
        name: 'Again',
        features: [
          { id: 'v', kind: 'vibrate' },
          { id: 'v', kind: 'rotate' },
        ],
      },
    ];
    expect(problems({ ...created(), devices })).toStrictEqual([
      'devices[0].id: must not contain "/" (outputs are named device/feature)',
      'devices[1].features[0].id: must not contain "/" (outputs are named device/feature)',
      'devices[2].id: "a" is already used by devices[1]',
      'devices[2].features[1].id: "v" is already used by features[0] of this device',
    ]);
  });

  it('names the field and the problem for a bad time or limit', () => {
    expect(problems({ type: 'tick', at: -1 })).toStrictEqual(['at: must not be negative']);
    expect(problems({ type: 'tick', at: 1.5 })).toStrictEqual([
      'at: must be a whole number of milliseconds',
    ]);
    const lowered = { type: 'limit.lowered', at: 0, by: 'submissive' };
    expect(problems({ ...lowered, limit: { kind: 'ramp', fullScaleSeconds: 0 } })).toStrictEqual([
      'limit.fullScaleSeconds: must be at least 1 second',
    ]);
  });

  it('refuses unknown keys and unknown event types', () => {
    expect(problems({ type: 'tick', at: 0, extra: 1 })).toHaveLength(1);
    expect(problems({ type: 'toys.unlimited', at: 0 })).toHaveLength(1);
  });
});
