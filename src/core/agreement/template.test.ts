import { describe, expect, it } from 'vitest';
import { parseAgreement } from './agreement';
import { devices } from '../../../test/fixtures/agreements';
import { templateAgreement } from './template';

describe('templateAgreement', () => {
  it('is a valid, cautious agreement for a pair, allowing exactly the chosen kinds', () => {
    const a = templateAgreement({
      mode: 'pair',
      names: { dominant: 'Alex', submissive: 'Sam' },
      devices,
    });
    expect(parseAgreement(a)).toEqual({ ok: true, value: a });
    expect(Object.keys(a.outputs).sort()).toEqual(['constrict', 'rotate', 'vibrate']);
    expect(a.participants.map((p) => p.name)).toEqual(['Alex', 'Sam']);
    expect(a.warmUp.ceiling).toBeLessThanOrEqual(a.play.ceiling);
    expect(a.checkIn.onMissed).toBe('stop');
  });

  it('is a valid solo agreement with a plan and one participant', () => {
    const a = templateAgreement({ mode: 'solo', names: { submissive: 'Rin' }, devices: [] });
    expect(parseAgreement(a).ok).toBe(true);
    expect(a.participants).toHaveLength(1);
    expect(a.plan).not.toBeNull();
    expect(Object.keys(a.outputs)).toEqual(['vibrate']);
  });
});
