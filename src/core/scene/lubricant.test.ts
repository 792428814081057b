import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/agreement';
import { pairAgreement, soloAgreement } from '../../../test/fixtures/agreements';
import { SceneDriver } from '../../../test/support/drive';
import { nextWakeAt, replay } from './machine';

/**
 * Lubricant reminders at the agreed interval, counted from the start, in active phases, like the
 * restraint checks. Pair fixture as in machine.test.ts (warm-up 60 s, orgasm phase 10 s,
 * post-orgasm 90 s); its restraint check comes every 300 s.
 */

const lube = (agreement: Agreement, seconds: number | null): Agreement => ({
  ...agreement,
  lubricant: { reminderIntervalSeconds: seconds },
});

function started(agreement: Agreement): SceneDriver {
  const d = new SceneDriver(agreement);
  d.beat(0);
  if (agreement.mode === 'solo') d.at(0, { type: 'signal.held', by: 'submissive' });
  d.at(0, { type: 'scene.start', by: agreement.mode === 'pair' ? 'dominant' : 'submissive' });
  return d;
}

const reminders = (d: SceneDriver) => d.all('prompt').filter((p) => p.prompt === 'lubricant');

describe('lubricant reminders', () => {
  it('[S6] come to the dominant every agreed interval from the start, through every active phase, and stop with the scene', () => {
    const d = started(lube(pairAgreement, 60));
    expect(d.state.lubricantCheckAt).toBe(60_000);
    expect(nextWakeAt(d.state)).toBeLessThanOrEqual(60_000);
    d.live(59_000);
    expect(reminders(d)).toStrictEqual([]);
    d.live(60_000);
    expect(d.lastOf('prompt')).toContainEqual({
      type: 'prompt',
      at: 60_000,
      prompt: 'lubricant',
      to: 'dominant',
    });
    d.live(130_000); // warm-up ends at 60 s: play
    d.at(130_000, { type: 'orgasm.marked', by: 'dominant' });
    d.live(185_000); // orgasm phase, then post-orgasm
    expect(reminders(d).map((p) => p.at)).toStrictEqual([60_000, 120_000, 180_000]);
    d.at(185_000, { type: 'safeword', by: 'submissive', word: 'red' });
    expect(d.state.lubricantCheckAt).toBeNull();
    d.live(600_000, { everyMs: 10_000 });
    expect(reminders(d).map((p) => p.at)).toStrictEqual([60_000, 120_000, 180_000]);
  });

  it('come to the person alone in solo mode', () => {
    const d = started(lube(soloAgreement, 60));
    d.live(60_000);
    expect(d.lastOf('prompt')).toContainEqual({
      type: 'prompt',
      at: 60_000,
      prompt: 'lubricant',
      to: 'submissive',
    });
  });

  it('never come before the start, nor when the agreement has none (absent or null)', () => {
    const waiting = new SceneDriver(lube(pairAgreement, 60));
    waiting.live(200_000);
    expect(reminders(waiting)).toStrictEqual([]);
    expect(nextWakeAt(waiting.state)).toBeNull();
    for (const agreement of [pairAgreement, lube(pairAgreement, null)]) {
      const d = started(agreement);
      expect(d.state.lubricantCheckAt).toBeNull();
      d.live(310_000);
      expect(reminders(d)).toStrictEqual([]);
      expect(d.all('prompt').map((p) => p.prompt)).toContain('restraint-check');
    }
  });

  it('[S2] change no output: the same scene with and without them drives the toys the same', () => {
    const drive = (agreement: Agreement) => {
      const d = started(agreement);
      d.at(0, {
        type: 'intensity.requested',
        by: 'dominant',
        device: 'wand',
        feature: 'vibrate',
        value: 1,
      });
      d.live(200_000);
      return d.all('output');
    };
    expect(drive(lube(pairAgreement, 60))).toStrictEqual(drive(pairAgreement));
  });

  it('[S7] a log with reminders replays to the same state and effects', () => {
    const d = started(lube(pairAgreement, 60));
    d.live(250_000);
    d.at(250_000, { type: 'scene.interrupted', by: 'system' });
    expect(reminders(d)).toHaveLength(4);
    const replayed = replay(d.events);
    expect(replayed.state).toStrictEqual(d.state);
    expect(replayed.effects).toStrictEqual(d.log);
  });
});
