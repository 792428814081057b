import { describe, expect, it } from 'vitest';
import type { Agreement, Detection } from '../agreement/agreement';
import { confidenceWords, isStopRequest, senderRefusal, stopsAtOnce } from './handlers';
import { replay, step } from './machine';
import { pairAgreement, soloAgreement } from '../../../test/fixtures/agreements';
import { SceneDriver } from '../../../test/support/drive';

/**
 * Sensor events in a scene (docs/decisions/0012). Pair fixture as in machine.test.ts: ramp 20 s
 * to full scale, warm-up 60 s at most 0.3, play at most 0.8, orgasm phase 10 s, an orgasm before
 * 120 s is early (and leads to post-orgasm), yellow halves, at most 2 orgasms.
 */

const detecting = (agreement: Agreement, detection: Detection): Agreement => ({
  ...agreement,
  detection,
});
const askRed = detecting(pairAgreement, {
  sensorOrgasm: 'ask-dominant',
  distress: { hrCeilingBpm: 150, sustainSeconds: 20, action: 'red' },
});
const startYellow = detecting(pairAgreement, {
  sensorOrgasm: 'start-post-orgasm',
  distress: { hrCeilingBpm: 150, sustainSeconds: 20, action: 'yellow' },
});
const askNothing = detecting(pairAgreement, { sensorOrgasm: 'ask-dominant', distress: null });

/** A scene in play at 70 s, the wand asked for full power (at the play ceiling by then). */
function inPlay(agreement: Agreement): SceneDriver {
  const d = new SceneDriver(agreement);
  d.beat(0);
  if (agreement.mode === 'solo') d.at(0, { type: 'signal.held', by: 'submissive' });
  const by = agreement.mode === 'pair' ? 'dominant' : 'submissive';
  d.at(0, { type: 'scene.start', by });
  if (agreement.mode === 'pair')
    d.at(0, { type: 'intensity.requested', by, device: 'wand', feature: 'vibrate', value: 1 });
  d.live(70_000);
  expect(d.state.phase).toBe('play');
  return d;
}

const DETECTED = { type: 'orgasm.detected', by: 'sensor', confidence: 0.87 } as const;
const DISTRESS = { type: 'distress.detected', by: 'sensor' } as const;

describe('orgasm.detected', () => {
  it('[S2] under start-post-orgasm acts exactly like the sensor marking it: the orgasm phase begins', () => {
    const detected = inPlay(startYellow);
    const marked = inPlay(startYellow);
    detected.at(71_000, DETECTED);
    marked.at(71_000, { type: 'orgasm.marked', by: 'sensor' });
    expect(detected.state).toStrictEqual(marked.state);
    expect(detected.last).toStrictEqual(marked.last);
    expect(detected.state.phase).toBe('orgasm');
    expect(detected.last).toContainEqual({
      type: 'orgasm',
      at: 71_000,
      count: 1,
      by: 'sensor',
      early: true,
    });
  });

  it('[S1] under start-post-orgasm an early orgasm stops where the agreement says so, and one too many stops', () => {
    const early = inPlay({ ...startYellow, orgasm: { ...pairAgreement.orgasm, early: 'stop' } });
    early.at(71_000, DETECTED);
    expect(early.state.stop).toStrictEqual({ cause: 'early-orgasm', by: 'system', at: 71_000 });
    expect(early.last[0]).toMatchObject({ type: 'stop-all', reason: 'stop' });
    const many = inPlay(startYellow);
    for (const at of [71_000, 72_000, 73_000]) many.at(at, DETECTED);
    expect(many.state.stop).toStrictEqual({ cause: 'orgasm-limit', by: 'system', at: 73_000 });
  });

  it('[S2] an orgasm.detected under ask-dominant changes no output and no phase: it asks the dominant, who marks it by hand', () => {
    for (const agreement of [askRed, pairAgreement]) {
      const d = inPlay(agreement);
      const before = d.state;
      d.at(71_000, DETECTED);
      expect(d.state.phase).toBe('play');
      expect(d.state.orgasms).toBe(0);
      expect(d.state.applied).toStrictEqual(before.applied);
      expect(d.lastOf('output')).toStrictEqual([]);
      expect(d.last).toStrictEqual([
        {
          type: 'prompt',
          at: 71_000,
          prompt: 'confirm-orgasm',
          to: 'dominant',
          items: [
            'A sensor detected an orgasm (high confidence, 87 %).',
            'If it happened, mark it; otherwise carry on.',
          ],
        },
      ]);
      d.at(72_000, { type: 'orgasm.marked', by: 'dominant' });
      expect(d.state.phase).toBe('orgasm');
    }
  });

  it('asks the person alone in solo mode', () => {
    const d = inPlay(soloAgreement);
    d.at(71_000, { ...DETECTED, confidence: 0.3 });
    expect(d.lastOf('prompt')).toStrictEqual([
      expect.objectContaining({ prompt: 'confirm-orgasm', to: 'submissive' }),
    ]);
    expect(d.state.phase).toBe('play');
  });

  it('puts the confidence in words', () => {
    expect(confidenceWords(0)).toBe('low confidence, 0 %');
    expect(confidenceWords(0.5)).toBe('medium confidence, 50 %');
    expect(confidenceWords(1)).toBe('high confidence, 100 %');
  });

  it('[P2] is refused from anyone but the sensor, and outside active phases', () => {
    for (const by of ['dominant', 'submissive', 'system'] as const)
      expect(senderRefusal('pair', 'orgasm.detected', by)).toBe(
        `${by} may not send orgasm.detected`,
      );
    expect(senderRefusal('solo', 'orgasm.detected', 'sensor')).toBeNull();
    const d = new SceneDriver(startYellow);
    expect(d.at(0, DETECTED)).toContainEqual({
      type: 'rejected',
      at: 0,
      event: 'orgasm.detected',
      reason: 'the scene has not started',
    });
    const stopped = inPlay(startYellow);
    stopped.at(71_000, { type: 'safeword', by: 'submissive', word: 'red' });
    expect(stopped.at(72_000, DETECTED)).toContainEqual(
      expect.objectContaining({ type: 'rejected', reason: 'the scene is stopped' }),
    );
    expect(stopped.state.orgasms).toBe(0);
  });
});

describe('distress.detected', () => {
  it('[S1] a distress mapped to red stops in that step, stop-all first, and the shell may stop before folding it', () => {
    const d = inPlay(askRed);
    expect(stopsAtOnce(d.state, { ...DISTRESS, at: 71_000 })).toBe(true);
    d.at(71_000, DISTRESS);
    expect(d.state.stop).toStrictEqual({ cause: 'distress', by: 'sensor', at: 71_000 });
    expect(d.last[0]).toStrictEqual({ type: 'stop-all', at: 71_000, reason: 'stop' });
    expect(d.level('wand', 'vibrate')).toBe(0);
    expect(d.devices.level('wand/vibrate')).toBe(0);
  });

  it('is a stop request only given an agreement that maps it to red', () => {
    const event = { ...DISTRESS, at: 0 };
    expect(isStopRequest(event)).toBe(false);
    expect(isStopRequest(event, askRed)).toBe(true);
    expect(isStopRequest(event, startYellow)).toBe(false);
    expect(isStopRequest(event, askNothing)).toBe(false);
    expect(isStopRequest(event, pairAgreement)).toBe(false);
  });

  it('[S6] after a distress stop only aftercare follows', () => {
    const d = inPlay(askRed);
    d.at(71_000, DISTRESS);
    expect(stopsAtOnce(d.state, { ...DISTRESS, at: 72_000 })).toBe(false);
    d.at(72_000, { type: 'checkin.answered', by: 'submissive', answer: 'green' });
    d.at(72_000, {
      type: 'intensity.requested',
      by: 'dominant',
      device: 'wand',
      feature: 'vibrate',
      value: 1,
    });
    const before = d.state;
    d.at(73_000, DISTRESS);
    const tick = step(before, { type: 'tick', at: 73_000 });
    expect(d.state).toStrictEqual(tick.state);
    expect(d.last).toStrictEqual(tick.effects);
    d.live(100_000);
    expect(d.state.phase).toBe('aftercare');
    expect(d.all('output').filter((o) => o.at > 71_000 && o.value > 0)).toStrictEqual([]);
    expect(d.state.stop?.cause).toBe('distress');
  });

  it("[S6] after a distress yellow nothing rises until the submissive's green", () => {
    const d = inPlay(startYellow);
    const level = d.level('wand', 'vibrate');
    expect(level).toBeGreaterThan(0);
    d.at(71_000, DISTRESS);
    expect(d.state.stop).toBeNull();
    expect(d.state.yellow).toBe(true);
    expect(d.last).toContainEqual({ type: 'yellow', at: 71_000, by: 'sensor' });
    expect(d.lastOf('prompt').map((p) => [p.prompt, p.to])).toStrictEqual([
      ['green-to-resume', 'submissive'],
      ['distress', 'dominant'],
    ]);
    expect(d.level('wand', 'vibrate')).toBeCloseTo(level * 0.5);
    // Check-ins answered green by the driver would lift it: the panel stays quiet here.
    d.live(80_000, { answer: false });
    d.at(80_000, {
      type: 'intensity.requested',
      by: 'dominant',
      device: 'wand',
      feature: 'vibrate',
      value: 1,
    });
    d.at(80_000, { type: 'checkin.answered', by: 'dominant', answer: 'green' });
    expect(d.level('wand', 'vibrate')).toBeCloseTo(level * 0.5);
    d.at(81_000, { type: 'checkin.answered', by: 'submissive', answer: 'green' });
    expect(d.state.yellow).toBe(false);
    d.live(90_000);
    expect(d.level('wand', 'vibrate')).toBeGreaterThan(level * 0.5);
  });

  it('[S1] without an agreed action it is never ignored: the dominant (solo: the person) is prompted, nothing else changes', () => {
    for (const agreement of [askNothing, pairAgreement]) {
      const d = inPlay(agreement);
      const before = d.state;
      expect(stopsAtOnce(before, { ...DISTRESS, at: 71_000 })).toBe(false);
      d.at(71_000, DISTRESS);
      expect(d.last).toStrictEqual([
        {
          type: 'prompt',
          at: 71_000,
          prompt: 'distress',
          to: 'dominant',
          items: ['A sensor reports signs of distress. Check in now, and stop if in doubt.'],
        },
      ]);
      expect(d.state.stop).toBeNull();
      expect(d.state.yellow).toBe(false);
      expect(d.state.applied).toStrictEqual(before.applied);
    }
    const solo = inPlay(soloAgreement);
    solo.at(71_000, DISTRESS);
    expect(solo.lastOf('prompt')).toStrictEqual([
      expect.objectContaining({ prompt: 'distress', to: 'submissive' }),
    ]);
  });

  it('[P2] is refused from anyone but the sensor, and in set-up', () => {
    for (const by of ['dominant', 'submissive', 'system'] as const)
      expect(senderRefusal('pair', 'distress.detected', by)).toBe(
        `${by} may not send distress.detected`,
      );
    const d = inPlay(askRed);
    d.at(71_000, { type: 'distress.detected', by: 'dominant' });
    expect(d.state.stop).toBeNull();
    expect(stopsAtOnce(d.state, { type: 'distress.detected', by: 'submissive', at: 72_000 })).toBe(
      false,
    );
    const setUp = new SceneDriver(askRed);
    setUp.beat(0);
    expect(stopsAtOnce(setUp.state, { ...DISTRESS, at: 0 })).toBe(false);
    expect(setUp.at(0, DISTRESS)).toStrictEqual([
      { type: 'rejected', at: 0, event: 'distress.detected', reason: 'the scene has not started' },
    ]);
    expect(setUp.state.stop).toBeNull();
  });

  it('[S7] replay equals live', () => {
    const d = inPlay(startYellow);
    d.at(71_000, DETECTED);
    d.at(72_000, DISTRESS);
    d.live(90_000);
    d.at(90_000, { ...DISTRESS, by: 'dominant' });
    const red = inPlay(askRed);
    red.at(71_000, DETECTED);
    red.at(72_000, DISTRESS);
    red.live(100_000);
    for (const driver of [d, red]) {
      const replayed = replay(driver.events);
      expect(replayed.state).toStrictEqual(driver.state);
      expect(replayed.effects).toStrictEqual(driver.log);
    }
  });
});
