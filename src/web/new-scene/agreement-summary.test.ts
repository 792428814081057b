import { describe, expect, it } from 'vitest';
import { agreement } from '../test-support/view.test-support';
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
    expect(all).toContain('at most 1 minute 30 seconds after the orgasm');
    expect(all).toContain("pauses it (every toy to zero) until the receiver's green");
    expect(all).toContain('3 taps within 1.5 seconds');
    expect(all).toContain('silent for 6 seconds');
    expect(all).toContain('Every minute, answered within 15 seconds');
    expect(all).toContain('With: water, a warm blanket.');
  });

  it('says plainly what an early orgasm does, and nothing when any time is fine', () => {
    expect(text()).toContain(
      'An orgasm within the first 2 minutes of the scene counts as early; the scene still moves on to post-orgasm.',
    );
    const strict = { ...agreement, orgasm: { ...agreement.orgasm, early: 'stop' as const } };
    expect(text(strict)).toContain(
      'within the first 2 minutes of the scene is too early: it stops',
    );
    const anyTime = { ...agreement, orgasm: { ...agreement.orgasm, notBeforeSeconds: 0 } };
    expect(text(anyTime)).not.toMatch(/early/);
  });

  it('mentions lubricant reminders only when agreed', () => {
    expect(text()).not.toContain('lubricant');
    const withLube = { ...agreement, lubricant: { reminderIntervalSeconds: 600 } };
    expect(text(withLube)).toContain('A reminder to check the lubricant every 10 minutes.');
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
