import { describe, expect, it } from 'vitest';
import { narrowLimits } from '../../core/governor/limits';
import { limitTargets, lowerLevels } from './lower-limit';
import { makeView } from '../test-support/view.test-support';

const limits = makeView().limits;

describe('lowerLevels', () => {
  it('offers 5 % steps strictly below the current level', () => {
    expect(lowerLevels(0.2)).toEqual([0.15, 0.1, 0.05, 0]);
    expect(lowerLevels(0.22)).toEqual([0.2, 0.15, 0.1, 0.05, 0]);
    expect(lowerLevels(0)).toEqual([]);
  });
});

describe('limitTargets', () => {
  it('offers every kind of limit the core can lower', () => {
    expect(limitTargets(limits).map((t) => t.id)).toEqual([
      'phase-post-orgasm',
      'post-orgasm-seconds',
      'phase-play',
      'phase-warm-up',
      'output-vibrate',
      'ramp',
      'orgasms',
    ]);
  });

  it('offers only changes the core accepts as a narrowing (S3)', () => {
    for (const target of limitTargets(limits))
      for (const option of target.options) {
        const result = narrowLimits(limits, option.change);
        expect(result.ok, `${target.id} ${option.label}`).toBe(true);
        if (result.ok) expect(result.limits).not.toEqual(limits);
      }
  });

  it('offers shorter post-orgasm times and slower ramps only', () => {
    const byId = Object.fromEntries(limitTargets(limits).map((t) => [t.id, t]));
    expect(byId['post-orgasm-seconds']?.options.map((o) => o.label)[0]).toBe('1 minute');
    expect(byId.ramp?.options.map((o) => o.label)).toEqual([
      '0 to full in 30 seconds',
      '0 to full in 40 seconds',
      '0 to full in 1 minute',
      '0 to full in 1 minute 20 seconds',
    ]);
  });

  it('leaves out a limit that is already at its lowest', () => {
    const floor = { ...limits, orgasmsMax: 0, outputCeilings: { vibrate: 0 } };
    const ids = limitTargets(floor).map((t) => t.id);
    expect(ids).not.toContain('orgasms');
    expect(ids).not.toContain('output-vibrate');
  });
});
