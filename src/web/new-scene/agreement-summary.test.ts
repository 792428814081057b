import { describe, expect, it } from 'vitest';
import { agreement } from '../console/test-view.test-support';
import { summarizeAgreement } from './agreement-summary';

const NBSP = '\u00a0';
const text = (a = agreement) =>
  summarizeAgreement(a)
    .flatMap((g) => g.lines)
    .join('\n');

describe('summarizeAgreement', () => {
  it('covers every part of the agreement in plain words', () => {
    const ids = summarizeAgreement(agreement).map((g) => g.id);
    expect(ids).toEqual([
      'ceilings',
      'ramp',
      'orgasm',
      'check-in',
      'signals',
      'panel',
      'restraint',
      'aftercare',
    ]);
    const all = text();
    expect(all).toContain(`Warm-up: 30${NBSP}% for 1 minute.`);
    expect(all).toContain('0 to full in 20 seconds');
    expect(all).toContain('at most 1 minute after the orgasm');
    expect(all).toContain("pauses it (every toy to zero) until the receiver's green");
    expect(all).toContain('3 taps within 1.5 seconds');
    expect(all).toContain('silent for 5 seconds');
    expect(all).toContain('Every minute, answered within 15 seconds');
    expect(all).toContain('With: water, a warm blanket.');
  });

  it('says what a stop-on-miss and restraint mean', () => {
    const strict = {
      ...agreement,
      checkIn: { ...agreement.checkIn, onMissed: 'stop' as const },
      restraint: { used: true, checkIntervalSeconds: 300 },
    };
    expect(text(strict)).toContain('a missed check-in stops the scene');
    expect(text(strict)).toContain('check every 5 minutes');
  });
});
