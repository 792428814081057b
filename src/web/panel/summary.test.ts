import { describe, expect, it } from 'vitest';
import { agreement, makeView } from '../test-support/view.test-support';
import { limitLines, shortSeconds, strongestApplied } from './summary';

describe('limits in short', () => {
  it('names ceilings, times, check-ins, yellow and both signals', () => {
    const lines = limitLines(agreement, makeView().limits);
    expect(lines).toEqual([
      'Intensity at most 30% in warm-up, 70% in play, 50% after orgasm.',
      'After orgasm: at most 1 min 30 s.',
      'Orgasms: at most 2.',
      'Check-in every 1 min; no answer within 15 s pauses the scene.',
      'Yellow lowers everything to 50% of where it was, until you press green.',
      'Hold to continue: letting go for more than 2 s stops the scene.',
      'Tapping the screen 3 times within 1.5 s slows down the scene.',
      'If this panel goes quiet for 6 s (screen off, no connection), the scene stops.',
    ]);
  });

  it('shows lowered limits, not the signed ones', () => {
    const limits = { ...makeView().limits, postOrgasmMaxMs: 30_000 };
    expect(limitLines(agreement, limits)[1]).toBe('After orgasm: at most 30 s.');
  });

  it('formats short durations', () => {
    expect([0, 1.5, 0.25, 45, 60, 150, 3600].map(shortSeconds)).toEqual([
      '0 s',
      '1.5 s',
      '0.3 s',
      '45 s',
      '1 min',
      '2 min 30 s',
      '60 min',
    ]);
  });

  it('takes the strongest applied output, clamped to 0..1', () => {
    expect(strongestApplied({})).toBe(0);
    expect(strongestApplied({ 'a/v': 0.2, 'b/v': 0.45 })).toBe(0.45);
    expect(strongestApplied({ 'a/v': Number.NaN, 'b/v': 7 })).toBe(1);
  });
});
