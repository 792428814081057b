import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/agreement';
import { TEST_PULSE_LEVEL, TEST_PULSE_MS } from '../governor/test-pulse';
import { nextWakeAt, replay } from './machine';
import { pairAgreement, soloAgreement } from '../../../test/fixtures/agreements';
import { SceneDriver } from '../../../test/support/drive';

/**
 * Example walks of the set-up's test pulse (decision 0008). Pair fixture: vibrate at most 0.8,
 * rotate 0.5, constrict not agreed, warm-up at most 0.3, ramp 0.05 a second.
 */

const WAND = ['wand', 'vibrate'] as const;
const pulse = (device = 'wand', feature = 'vibrate', by: 'dominant' | 'submissive' = 'dominant') =>
  ({ type: 'device.tested', by, device, feature }) as const;

function rejected(d: SceneDriver): string | undefined {
  return d.lastOf('rejected')[0]?.reason;
}

function setUp(agreement: Agreement = pairAgreement): SceneDriver {
  const d = new SceneDriver(agreement);
  d.beat(0);
  return d;
}

describe('the set-up’s test pulse', () => {
  it('[S2] one output at the test level for TEST_PULSE_MS, then zero by itself', () => {
    expect(TEST_PULSE_LEVEL).toBe(0.1);
    expect(TEST_PULSE_MS).toBe(1000);
    const d = setUp();
    d.at(500, pulse());
    expect(d.last).toStrictEqual([
      {
        type: 'output',
        at: 500,
        key: 'wand/vibrate',
        device: 'wand',
        feature: 'vibrate',
        value: 0.1,
      },
    ]);
    expect(d.state.testPulse).toStrictEqual({ key: 'wand/vibrate', until: 1500 });
    expect(d.level('duo', 'vibrate')).toBe(0);
    expect(nextWakeAt(d.state)).toBe(1500);
    d.tick(1499);
    expect(d.level(...WAND)).toBe(0.1);
    d.tick(1500);
    expect(d.level(...WAND)).toBe(0);
    expect(d.devices.level('wand/vibrate')).toBe(0);
    expect(d.state.testPulse).toBeNull();
    expect(d.state.phase).toBe('setup');
    expect(nextWakeAt(d.state)).toBeNull();
  });

  it('[S2] a late step still finds it over: the end is due at `until`, not at the step', () => {
    const d = setUp();
    d.at(0, pulse());
    d.beat(5000);
    expect(d.level(...WAND)).toBe(0);
    expect(d.lastOf('output')).toStrictEqual([expect.objectContaining({ value: 0, at: 5000 })]);
  });

  it('[S2][S3] never above the kind’s ceiling in force or the warm-up ceiling, and lowered at once', () => {
    const low = setUp({ ...pairAgreement, outputs: { vibrate: { ceiling: 0.05 } } });
    low.at(0, pulse());
    expect(low.level(...WAND)).toBe(0.05);
    const warm = setUp({ ...pairAgreement, warmUp: { seconds: 60, ceiling: 0.08 } });
    warm.at(0, pulse());
    expect(warm.level(...WAND)).toBe(0.08);
    const lowered = setUp();
    lowered.at(0, pulse());
    lowered.at(200, {
      type: 'limit.lowered',
      by: 'submissive',
      limit: { kind: 'output-ceiling', output: 'vibrate', value: 0.02 },
    });
    expect(lowered.level(...WAND)).toBe(0.02);
  });

  it('[S2] a new pulse replaces the old: the old output goes to zero', () => {
    const d = setUp();
    d.at(0, pulse());
    d.at(300, pulse('duo', 'rotate'));
    expect(d.level(...WAND)).toBe(0);
    expect(d.level('duo', 'rotate')).toBe(0.1);
    expect(d.devices.level('wand/vibrate')).toBe(0);
    expect(d.state.testPulse).toStrictEqual({ key: 'duo/rotate', until: 1300 });
    d.tick(1000);
    expect(d.level('duo', 'rotate')).toBe(0.1);
    d.tick(1300);
    expect(d.level('duo', 'rotate')).toBe(0);
  });

  it('[S1] a red during a pulse stops it in the same step, stop-all first', () => {
    const d = setUp();
    d.at(0, pulse());
    d.at(400, { type: 'safeword', by: 'submissive', word: 'red' });
    expect(d.last[0]).toStrictEqual({ type: 'stop-all', at: 400, reason: 'stop' });
    expect(d.state.stop).toStrictEqual({ cause: 'red', by: 'submissive', at: 400 });
    expect(d.state.testPulse).toBeNull();
    expect(d.level(...WAND)).toBe(0);
    expect(d.devices.level('wand/vibrate')).toBe(0);
    expect(d.lastOf('output')).toStrictEqual([expect.objectContaining({ value: 0 })]);
  });

  it('[S1] a withdrawal ends it with stop-all first; a yellow or losing its device ends it without a stop', () => {
    const withdrawn = setUp();
    withdrawn.at(0, pulse());
    withdrawn.at(100, { type: 'consent.withdrawn', by: 'dominant' });
    expect(withdrawn.last[0]).toMatchObject({ type: 'stop-all', reason: 'stop' });
    expect(withdrawn.level(...WAND)).toBe(0);

    const yellow = setUp();
    yellow.at(0, pulse());
    yellow.at(100, { type: 'safeword', by: 'submissive', word: 'yellow' });
    expect(yellow.level(...WAND)).toBe(0);
    expect(yellow.state.testPulse).toBeNull();
    expect(yellow.state.stop).toBeNull();

    const lost = setUp();
    lost.at(0, pulse());
    lost.at(100, { type: 'device.lost', by: 'system', device: 'duo' });
    expect(lost.level(...WAND)).toBe(0.1); // another device: the pulse goes on
    lost.at(200, { type: 'device.lost', by: 'system', device: 'wand' });
    expect(lost.level(...WAND)).toBe(0);
    expect(lost.state.testPulse).toBeNull();
  });

  it('[S2] starting the scene ends it: zero at the start, then up from zero along the ramp', () => {
    const d = setUp();
    d.at(0, pulse());
    d.at(500, { type: 'scene.start', by: 'dominant' });
    expect(d.state.testPulse).toBeNull();
    expect(d.level(...WAND)).toBe(0);
    d.at(500, pulse());
    expect(rejected(d)).toBe('the test pulse belongs to the set-up; the scene is warm-up');
    d.at(500, {
      type: 'intensity.requested',
      by: 'dominant',
      device: 'wand',
      feature: 'vibrate',
      value: 1,
    });
    expect(d.level(...WAND)).toBe(0);
    d.live(1500);
    expect(d.level(...WAND)).toBeCloseTo(0.05, 10); // 1 s of a 20 s ramp, from zero
  });

  it('[S4] the dominant sends it; in solo the person alone; anyone else is refused', () => {
    const pair = setUp();
    pair.at(0, pulse('wand', 'vibrate', 'submissive'));
    expect(rejected(pair)).toBe('submissive may not send device.tested');
    expect(pair.level(...WAND)).toBe(0);
    const solo = setUp(soloAgreement);
    solo.at(0, pulse('wand', 'vibrate', 'dominant'));
    expect(rejected(solo)).toBe('a solo scene has no dominant');
    solo.at(0, pulse('wand', 'vibrate', 'submissive'));
    expect(solo.lastOf('rejected')).toStrictEqual([]);
    expect(solo.level(...WAND)).toBe(0.1);
  });

  it('refuses an unknown, unagreed or lost output, and anything after set-up, in plain words', () => {
    const d = setUp();
    d.at(0, pulse('wand', 'rotate'));
    expect(rejected(d)).toBe('no feature rotate on device wand');
    d.at(0, pulse('duo', 'squeeze'));
    expect(rejected(d)).toBe('the agreement does not allow constrict');
    d.at(0, { type: 'device.lost', by: 'system', device: 'wand' });
    d.at(0, pulse());
    expect(rejected(d)).toBe('device wand was lost');
    expect(d.state.testPulse).toBeNull();

    const zero = setUp({ ...pairAgreement, warmUp: { seconds: 60, ceiling: 0 } });
    zero.at(0, pulse());
    expect(rejected(zero)).toBe('the agreed ceilings hold vibrate at 0: there is nothing to test');

    const stopped = setUp();
    stopped.at(0, { type: 'safeword', by: 'submissive', word: 'red' });
    stopped.at(0, pulse());
    expect(rejected(stopped)).toBe('the scene has stopped');

    const closed = setUp();
    closed.at(0, { type: 'scene.end', by: 'dominant' });
    closed.at(0, pulse());
    expect(rejected(closed)).toBe('the test pulse belongs to the set-up; the scene is closed');
  });

  it('[S7] a log with pulses replays to the same scene', () => {
    const d = setUp();
    d.at(0, pulse());
    d.at(300, pulse('duo', 'rotate'));
    d.tick(2000);
    d.at(2100, pulse());
    d.at(2200, { type: 'scene.start', by: 'dominant' });
    const replayed = replay(d.events);
    expect(replayed.state).toStrictEqual(d.state);
    expect(replayed.effects).toStrictEqual(d.log);
  });
});
