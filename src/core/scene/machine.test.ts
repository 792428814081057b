import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/agreement';
import { PHASES, STOP_CAUSES, type StopCause } from './phases';
import { STOPPED_DWELL_MS } from './timers';
import { pairAgreement } from '../../../test/fixtures/agreements';
import { SceneDriver } from '../../../test/support/drive';

/**
 * Walks: scenes driven by hand through every phase and to every stop cause, with time moved by
 * the test. Pair fixture: ramp 20 s to full scale (0.05 a second), warm-up 60 s at most 0.3,
 * play at most 0.8, orgasm phase 10 s, post-orgasm 90 s at most 0.6, check-in every 45 s with
 * 10 s to answer, panel timeout 5 s, three taps within 1.5 s mean red.
 */

/** A pair scene heard from the panel and started at time 0, in warm-up. */
function started(agreement: Agreement = pairAgreement): SceneDriver {
  const d = new SceneDriver(agreement);
  d.beat(0);
  d.at(0, { type: 'scene.start', by: agreement.mode === 'pair' ? 'dominant' : 'submissive' });
  if (agreement.mode === 'pair')
    d.at(0, {
      type: 'intensity.requested',
      by: 'dominant',
      device: 'wand',
      feature: 'vibrate',
      value: 1,
    });
  return d;
}

/** A pair scene in play at 70 s, the wand at the play ceiling. */
function inPlay(agreement: Agreement = pairAgreement): SceneDriver {
  const d = started(agreement);
  d.live(70_000);
  expect(d.state.phase).toBe('play');
  return d;
}

/** S1 as every walk sees it: stopped in this step, stop-all first, every output at zero. */
function expectStopped(d: SceneDriver, cause: StopCause, at = d.now): void {
  expect(d.state.stop).toMatchObject({ cause, at });
  expect(d.state.phase).toBe('stopped');
  expect(d.last[0]).toMatchObject({ type: 'stop-all', reason: 'stop' });
  expect(d.last).toContainEqual(expect.objectContaining({ type: 'stop', cause, at }));
  expect(Object.values(d.state.applied).every((v) => v === 0)).toBe(true);
  expect(d.level('wand', 'vibrate')).toBe(0);
}

const withAgreement = (patch: Partial<Agreement>): Agreement => ({ ...pairAgreement, ...patch });

/** One walk per stop cause; the type makes sure none is missing. */
const STOP_WALKS: Record<StopCause, () => SceneDriver> = {
  red: () => {
    const d = inPlay();
    d.at(71_000, { type: 'safeword', by: 'dominant', word: 'red' });
    expectStopped(d, 'red');
    return d;
  },
  signal: () => {
    const d = inPlay();
    for (const at of [71_000, 71_500, 72_000])
      d.at(at, { type: 'signal.tapped', by: 'submissive' });
    expectStopped(d, 'signal');
    return d;
  },
  'checkin-missed': () => {
    const d = started(withAgreement({ checkIn: { ...pairAgreement.checkIn, onMissed: 'stop' } }));
    d.live(54_000, { answer: false });
    expect(d.state.stop).toBeNull();
    d.beat(55_000);
    expectStopped(d, 'checkin-missed', 55_000);
    expect(d.last).toContainEqual({
      type: 'checkin-missed',
      at: 55_000,
      action: 'stop',
    });
    return d;
  },
  time: () => {
    const d = started(withAgreement({ play: { ceiling: 0.8, maxSeconds: 100 } }));
    d.live(159_000);
    expect(d.state.phase).toBe('play');
    d.beat(160_500);
    expectStopped(d, 'time', 160_000);
    return d;
  },
  'panel-lost': () => {
    const d = inPlay();
    d.at(71_000, { type: 'safeword', by: 'submissive', word: 'yellow' });
    // A dominant's "heartbeat" is not the panel's.
    d.beat(74_000, 'dominant');
    d.tick(74_999);
    expect(d.state.stop).toBeNull();
    d.tick(76_000);
    expectStopped(d, 'panel-lost', 75_000);
    return d;
  },
  'device-lost': () => {
    const d = inPlay();
    d.at(71_000, { type: 'device.lost', by: 'system', device: 'duo' });
    expectStopped(d, 'device-lost');
    expect(d.state.lostDevices).toStrictEqual(['duo']);
    return d;
  },
  withdrawn: () => {
    const d = inPlay();
    d.at(71_000, { type: 'consent.withdrawn', by: 'submissive' });
    expectStopped(d, 'withdrawn');
    return d;
  },
  'orgasm-limit': () => {
    const d = inPlay();
    d.live(130_000);
    d.at(130_000, { type: 'orgasm.marked', by: 'sensor' });
    d.live(140_000);
    d.at(140_000, { type: 'orgasm.marked', by: 'dominant' });
    expect(d.state.stop).toBeNull();
    expect(d.state.orgasms).toBe(2);
    d.live(141_000);
    d.at(141_000, { type: 'orgasm.marked', by: 'submissive' });
    expectStopped(d, 'orgasm-limit');
    expect(d.last).toContainEqual(expect.objectContaining({ type: 'orgasm', count: 3 }));
    return d;
  },
  'early-orgasm': () => {
    const d = inPlay(withAgreement({ orgasm: { ...pairAgreement.orgasm, early: 'stop' } }));
    d.live(100_000);
    d.at(100_000, { type: 'orgasm.marked', by: 'dominant' });
    expectStopped(d, 'early-orgasm');
    expect(d.last).toContainEqual(expect.objectContaining({ type: 'orgasm', early: true }));
    return d;
  },
  ended: () => {
    const d = inPlay();
    d.at(71_000, { type: 'scene.end', by: 'dominant' });
    expectStopped(d, 'ended');
    return d;
  },
  interrupted: () => {
    const d = inPlay();
    d.at(71_000, { type: 'scene.interrupted', by: 'system' });
    expectStopped(d, 'interrupted');
    expect(d.state.stop).toStrictEqual({ cause: 'interrupted', by: 'system', at: 71_000 });
    return d;
  },
  distress: () => {
    const d = inPlay(
      withAgreement({
        detection: {
          sensorOrgasm: 'ask-dominant',
          distress: { hrCeilingBpm: 150, sustainSeconds: 20, action: 'red' },
        },
      }),
    );
    d.at(71_000, { type: 'distress.detected', by: 'sensor' });
    expectStopped(d, 'distress');
    expect(d.state.stop).toStrictEqual({ cause: 'distress', by: 'sensor', at: 71_000 });
    return d;
  },
};

describe('scene walks', () => {
  it('[S2] a pair scene passes through every phase in order, within each phase’s ceiling and the ramp', () => {
    const d = new SceneDriver(pairAgreement);
    const start = { type: 'scene.start', by: 'dominant' } as const;
    expect(d.at(0, start)).toContainEqual(expect.objectContaining({ type: 'rejected' }));
    d.beat(0);
    d.at(0, start);
    expect(d.state.phase).toBe('warm-up');
    for (const [device, feature] of [
      ['wand', 'vibrate'],
      ['duo', 'rotate'],
      ['duo', 'squeeze'],
    ] as const)
      d.at(0, { type: 'intensity.requested', by: 'dominant', device, feature, value: 1 });
    d.live(4000);
    expect(d.level('wand', 'vibrate')).toBeCloseTo(0.2, 10); // 4 s of a 20 s ramp
    d.live(59_000);
    expect(d.level('wand', 'vibrate')).toBe(0.3); // warm-up ceiling
    expect(d.level('duo', 'rotate')).toBe(0.3);
    expect(d.level('duo', 'squeeze')).toBe(0); // constrict is not in the agreement
    expect(d.at(59_000, { type: 'phase.next', by: 'dominant' })[0]).toMatchObject({
      type: 'rejected',
      event: 'phase.next',
    });
    d.live(60_000);
    expect(d.state.phase).toBe('play');
    d.live(70_000);
    expect(d.level('wand', 'vibrate')).toBe(0.8); // play ceiling
    expect(d.level('duo', 'rotate')).toBe(0.5); // rotate's own ceiling
    d.live(300_000);
    expect(d.all('prompt').map((p) => p.prompt)).toContain('restraint-check');
    expect(d.all('prompt').filter((p) => p.prompt === 'check-in').length).toBeGreaterThan(4);
    d.live(310_000);
    d.at(310_000, { type: 'orgasm.marked', by: 'dominant' });
    expect(d.state.phase).toBe('orgasm');
    expect(d.last).toContainEqual(expect.objectContaining({ type: 'orgasm', early: false }));
    expect(d.level('wand', 'vibrate')).toBe(0.8); // the orgasm phase keeps the play ceiling
    d.live(320_000);
    expect(d.state.phase).toBe('post-orgasm');
    expect(d.level('wand', 'vibrate')).toBe(0.6);
    d.live(399_000);
    expect(d.state.phase).toBe('post-orgasm');
    d.live(400_000);
    expectStopped(d, 'time', 400_000); // 90 s after the orgasm
    d.live(400_000 + STOPPED_DWELL_MS);
    expect(d.state.phase).toBe('aftercare');
    expect(d.last).toContainEqual(
      expect.objectContaining({ prompt: 'aftercare', items: pairAgreement.aftercare.items }),
    );
    d.at(d.now, { type: 'phase.next', by: 'submissive' });
    expect(d.state.phase).toBe('debrief');
    d.at(d.now, { type: 'phase.next', by: 'dominant' });
    expect(d.state.phase).toBe('closed');
    expect(d.at(d.now, { type: 'phase.next', by: 'dominant' })[0]).toMatchObject({
      type: 'rejected',
    });
    const phases = ['setup', ...d.all('phase').map((p) => p.phase)];
    expect(phases).toStrictEqual([...PHASES]);
    expect(d.devices.level('wand/vibrate')).toBe(0);
  });

  it.each(Object.entries(STOP_WALKS))(
    '[S1] stop cause %s: stop-all first, outputs 0',
    (_, walk) => {
      const d = walk();
      expect(d.all('stop')).toHaveLength(1);
    },
  );

  it('[S1] the walks produce every stop cause', () => {
    const seen = new Set(Object.values(STOP_WALKS).map((walk) => walk().state.stop?.cause));
    expect(seen).toStrictEqual(new Set(STOP_CAUSES));
  });

  it('[S6] after a stop only aftercare, debrief and closed follow; later reds change nothing', () => {
    const d = STOP_WALKS.red();
    const stop = d.state.stop;
    d.live(d.now + 4000);
    expect(d.state.phase).toBe('stopped');
    d.at(d.now, { type: 'phase.next', by: 'dominant' }); // a partner may move on sooner
    expect(d.state.phase).toBe('aftercare');
    for (const body of [
      { type: 'safeword', by: 'submissive', word: 'red' },
      { type: 'consent.withdrawn', by: 'dominant' },
      { type: 'checkin.answered', by: 'submissive', answer: 'green' },
      { type: 'intensity.requested', by: 'dominant', device: 'wand', feature: 'vibrate', value: 1 },
      { type: 'scene.start', by: 'dominant' },
    ] as const) {
      d.at(d.now + 100, body);
      expect(d.state.stop).toBe(stop);
      expect(d.state.phase).toBe('aftercare');
      expect(d.level('wand', 'vibrate')).toBe(0);
    }
    d.live(d.now + pairAgreement.aftercare.minutes * 60_000, { everyMs: 60_000 });
    expect(d.state.phase).toBe('debrief');
  });

  it('[S1] red in setup stops the scene before it starts', () => {
    const d = new SceneDriver(pairAgreement);
    d.beat(0);
    d.at(10, { type: 'checkin.answered', by: 'submissive', answer: 'red' });
    expectStopped(d, 'red', 10);
    expect(d.at(20, { type: 'scene.start', by: 'dominant' })[0]).toMatchObject({
      type: 'rejected',
    });
  });

  it('[S1] the start is refused without a panel heartbeat within its timeout', () => {
    const d = new SceneDriver(pairAgreement);
    expect(d.at(0, { type: 'scene.start', by: 'dominant' })[0]).toMatchObject({
      type: 'rejected',
      reason: expect.stringContaining('panel') as unknown,
    });
    d.beat(1000, 'dominant'); // not the panel
    d.at(1000, { type: 'scene.start', by: 'dominant' });
    expect(d.state.phase).toBe('setup');
    d.beat(2000);
    d.at(7000, { type: 'scene.start', by: 'dominant' }); // 5 s later: too late
    expect(d.state.phase).toBe('setup');
    d.beat(7000);
    d.at(7000, { type: 'scene.start', by: 'dominant' });
    expect(d.state.phase).toBe('warm-up');
  });

  it('a scene ended in setup closes without stopping', () => {
    const d = new SceneDriver(pairAgreement);
    d.at(10, { type: 'scene.end', by: 'submissive' });
    expect(d.state.phase).toBe('closed');
    expect(d.state.stop).toBeNull();
  });
});

describe('regressions found by fast-check', () => {
  it('[S2] a pause and a green in the same step: the device restarts from zero along the ramp', () => {
    // Seed 20261129: the check-in missed at 55 s (pause, stop-all) and the green arriving in
    // the same step left the state at the old level while the device was at zero; the next
    // rise then jumped the device past the ramp.
    const d = started();
    d.live(44_000, { everyMs: 4000 });
    d.live(52_000, { everyMs: 4000, answer: false });
    expect(d.level('wand', 'vibrate')).toBe(0.3);
    d.at(55_000, { type: 'checkin.answered', by: 'submissive', answer: 'green' });
    expect(d.last[0]).toMatchObject({ type: 'stop-all', reason: 'pause', at: 55_000 });
    expect(d.last).toContainEqual({ type: 'resumed', at: 55_000 });
    expect(d.level('wand', 'vibrate')).toBe(0);
    expect(d.devices.level('wand/vibrate')).toBe(0);
    d.tick(56_000);
    expect(d.level('wand', 'vibrate')).toBe(0.05);
    expect(d.devices.level('wand/vibrate')).toBe(0.05);
  });

  it('[S6] a red after a scene closed in setup does not reopen it', () => {
    // Seed 20261129: closed -> stopped -> aftercare for a scene that never started.
    const d = new SceneDriver(pairAgreement);
    d.at(1500, { type: 'scene.end', by: 'dominant' });
    d.at(3000, { type: 'safeword', by: 'submissive', word: 'red' });
    expect(d.state.phase).toBe('closed');
    expect(d.state.stop).toBeNull();
    d.at(4000, { type: 'checkin.answered', by: 'submissive', answer: 'red' });
    d.tick(10_000);
    expect(d.state.phase).toBe('closed');
  });
});
