import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/agreement';
import { pairAgreement, soloAgreement } from '../../../test/fixtures/agreements';
import { SceneDriver } from '../../../test/support/drive';

/**
 * Example walks of the event handlers, by rule. Pair fixture: ramp 0.05 a second, warm-up 60 s
 * at most 0.3, play at most 0.8, post-orgasm 90 s at most 0.6, yellow factor 0.5, check-in every
 * 45 s with 10 s to answer, panel timeout 5 s. Solo fixture: the same, with a plan and a
 * hold-to-continue signal (1.5 s grace, red).
 */

const WAND = ['wand', 'vibrate'] as const;

/** A pair scene started at 0 with the wand asked to full, in play at 70 s at 0.8. */
function pairInPlay(agreement: Agreement = pairAgreement): SceneDriver {
  const d = new SceneDriver(agreement);
  d.beat(0);
  d.at(0, { type: 'scene.start', by: 'dominant' });
  d.at(0, {
    type: 'intensity.requested',
    by: 'dominant',
    device: 'wand',
    feature: 'vibrate',
    value: 1,
  });
  d.live(70_000);
  expect(d.state.phase).toBe('play');
  expect(d.level(...WAND)).toBe(0.8);
  return d;
}

function rejected(d: SceneDriver): string | undefined {
  return d.lastOf('rejected')[0]?.reason;
}

describe('solo mode', () => {
  it('[S2] the plan plays the dominant part, phase by phase, within the ceilings and the ramp', () => {
    const d = new SceneDriver(soloAgreement);
    d.beat(0);
    d.at(0, { type: 'signal.held', by: 'submissive' });
    d.at(0, { type: 'scene.start', by: 'submissive' });
    expect(d.state.phase).toBe('warm-up');
    d.live(3000);
    expect(d.level(...WAND)).toBe(0.15); // plan step 1 of warm-up, reached along the ramp
    expect(d.level('duo', 'squeeze')).toBe(0); // constrict is not agreed
    d.live(40_000);
    expect(d.level(...WAND)).toBe(0.3); // plan step 2 at 30 s
    d.live(70_000);
    expect(d.state.phase).toBe('play');
    expect(d.level(...WAND)).toBe(0.5);
    d.live(190_000);
    expect(d.level(...WAND)).toBe(0.7); // play step 2, 120 s into play
    d.at(190_000, { type: 'orgasm.marked', by: 'submissive' });
    d.live(200_000);
    expect(d.state.phase).toBe('post-orgasm');
    expect(d.level(...WAND)).toBe(0.4);
    d.live(280_000);
    expect(d.state.stop).toMatchObject({ cause: 'time', at: 280_000 });
    expect(d.level(...WAND)).toBe(0);
  });

  it('[S4] the person alone may do what the dominant would; "dominant" events are refused', () => {
    const d = new SceneDriver(soloAgreement);
    d.beat(0);
    d.at(0, { type: 'signal.held', by: 'submissive' });
    d.at(0, { type: 'scene.start', by: 'dominant' });
    expect(rejected(d)).toBe('a solo scene has no dominant');
    d.at(0, { type: 'scene.start', by: 'submissive' });
    d.live(10_000);
    for (const body of [
      { type: 'intensity.requested', by: 'dominant', device: 'wand', feature: 'vibrate', value: 0 },
      { type: 'safeword', by: 'dominant', word: 'red' },
      { type: 'scene.end', by: 'dominant' },
      { type: 'limit.lowered', by: 'dominant', limit: { kind: 'orgasms', value: 0 } },
    ] as const) {
      d.at(d.now, body);
      expect(rejected(d)).toBe('a solo scene has no dominant');
      expect(d.state.stop).toBeNull();
    }
    d.at(d.now, {
      type: 'intensity.requested',
      by: 'submissive',
      device: 'wand',
      feature: 'vibrate',
      value: 0.1,
    });
    expect(d.last.some((e) => e.type === 'rejected')).toBe(false);
    expect(d.level(...WAND)).toBe(0.1);
  });

  it('[S1] hold-to-continue: a release longer than the grace stops the scene (signal)', () => {
    const d = new SceneDriver(soloAgreement);
    d.beat(0);
    d.at(0, { type: 'signal.held', by: 'submissive' });
    d.at(0, { type: 'scene.start', by: 'submissive' });
    d.live(10_000);
    d.at(10_000, { type: 'signal.released', by: 'submissive' });
    d.at(11_400, { type: 'signal.held', by: 'submissive' }); // back within the grace
    d.live(20_000);
    expect(d.state.stop).toBeNull();
    d.at(20_000, { type: 'signal.released', by: 'submissive' });
    d.tick(21_499);
    expect(d.state.stop).toBeNull();
    d.tick(21_600);
    expect(d.state.stop).toStrictEqual({ cause: 'signal', by: 'submissive', at: 21_500 });
    expect(d.last[0]).toMatchObject({ type: 'stop-all', at: 21_500 });
  });

  it('[S1] hold-to-continue counts from the start: never holding stops after the grace', () => {
    const d = new SceneDriver(soloAgreement);
    d.beat(0);
    d.at(0, { type: 'scene.start', by: 'submissive' });
    d.tick(1500);
    expect(d.state.stop).toMatchObject({ cause: 'signal', at: 1500 });
  });
});

describe('signals, safewords and check-ins', () => {
  it('[S1] tap pattern: the agreed taps within the window stop the scene; slower taps do not', () => {
    const d = pairInPlay();
    for (const at of [71_000, 72_000, 73_000])
      d.at(at, { type: 'signal.tapped', by: 'submissive' });
    expect(d.state.stop).toBeNull();
    d.at(73_200, { type: 'signal.tapped', by: 'dominant' });
    expect(rejected(d)).toBe('dominant may not send signal.tapped');
    d.at(73_400, { type: 'signal.tapped', by: 'submissive' }); // 72.0, 73.0, 73.4: within 1.5 s
    expect(d.state.stop).toMatchObject({ cause: 'signal', by: 'submissive', at: 73_400 });
    expect(d.last[0]).toMatchObject({ type: 'stop-all', reason: 'stop' });
  });

  it('[S6] yellow caps every output at factor × its level and holds it; only the submissive’s green lifts it', () => {
    const d = pairInPlay();
    d.at(70_000, { type: 'safeword', by: 'dominant', word: 'yellow' });
    expect(d.last[0]?.type).not.toBe('stop-all');
    expect(d.level(...WAND)).toBe(0.4);
    expect(d.lastOf('prompt')).toStrictEqual([
      { type: 'prompt', at: 70_000, prompt: 'green-to-resume', to: 'submissive' },
    ]);
    d.at(70_000, {
      type: 'intensity.requested',
      by: 'dominant',
      device: 'wand',
      feature: 'vibrate',
      value: 0.8,
    });
    d.live(80_000);
    expect(d.level(...WAND)).toBe(0.4);
    d.at(80_000, { type: 'checkin.answered', by: 'submissive', answer: 'yellow' });
    expect(d.level(...WAND)).toBe(0.2);
    d.at(80_000, { type: 'checkin.answered', by: 'dominant', answer: 'green' });
    expect(rejected(d)).toBe('dominant may not send checkin.answered');
    d.live(85_000, { answer: false });
    expect(d.level(...WAND)).toBe(0.2);
    d.at(85_000, { type: 'checkin.answered', by: 'submissive', answer: 'green' });
    expect(d.lastOf('resumed')).toHaveLength(1);
    d.live(89_000);
    expect(d.level(...WAND)).toBeCloseTo(0.4, 10); // back up along the ramp, 0.05 a second
    d.live(100_000);
    expect(d.level(...WAND)).toBe(0.8);
  });

  it('[S1] a missed check-in with onMissed pause: stop-all first, outputs 0 until the submissive’s green', () => {
    const d = new SceneDriver(pairAgreement);
    d.beat(0);
    d.at(0, { type: 'scene.start', by: 'dominant' });
    d.at(0, {
      type: 'intensity.requested',
      by: 'dominant',
      device: 'wand',
      feature: 'vibrate',
      value: 1,
    });
    d.live(45_000, { answer: false });
    expect(d.lastOf('prompt')).toContainEqual(
      expect.objectContaining({ prompt: 'check-in', to: 'submissive' }),
    );
    d.live(54_000, { answer: false });
    expect(d.level(...WAND)).toBe(0.3);
    d.beat(55_000);
    expect(d.last[0]).toStrictEqual({ type: 'stop-all', at: 55_000, reason: 'pause' });
    expect(d.last).toContainEqual({ type: 'checkin-missed', at: 55_000, action: 'pause' });
    expect(d.last).toContainEqual({ type: 'paused', at: 55_000, cause: 'checkin-missed' });
    expect(d.state.paused).toBe('checkin-missed');
    expect(d.state.stop).toBeNull();
    expect(d.level(...WAND)).toBe(0);
    expect(d.devices.level('wand/vibrate')).toBe(0);
    d.live(58_000, { answer: false });
    d.at(58_000, { type: 'checkin.answered', by: 'dominant', answer: 'green' });
    d.at(58_000, {
      type: 'intensity.requested',
      by: 'dominant',
      device: 'wand',
      feature: 'vibrate',
      value: 1,
    });
    d.live(60_000, { answer: false });
    expect(d.level(...WAND)).toBe(0);
    d.at(60_000, { type: 'checkin.answered', by: 'submissive', answer: 'green' });
    expect(d.state.paused).toBeNull();
    d.live(62_000);
    expect(d.level(...WAND)).toBeCloseTo(0.1, 10); // from zero along the ramp
  });

  it('[S4] a red check-in answer is taken unprompted and whatever limits were lowered', () => {
    const d = pairInPlay();
    d.at(70_000, { type: 'limit.lowered', by: 'submissive', limit: { kind: 'orgasms', value: 0 } });
    d.at(70_000, {
      type: 'limit.lowered',
      by: 'dominant',
      limit: { kind: 'ramp', fullScaleSeconds: 3600 },
    });
    d.at(70_000, { type: 'edge.started', by: 'dominant' });
    d.at(71_000, { type: 'checkin.answered', by: 'submissive', answer: 'red' });
    expect(d.state.stop).toMatchObject({ cause: 'red', by: 'submissive', at: 71_000 });
    expect(d.last[0]).toMatchObject({ type: 'stop-all', reason: 'stop' });
  });
});

describe('orgasm and edging', () => {
  it('[S2] edging holds every output at 0 during play; after it, outputs rise along the ramp', () => {
    const d = pairInPlay();
    d.at(70_000, { type: 'edge.started', by: 'submissive' });
    expect(rejected(d)).toBe('submissive may not send edge.started');
    d.at(70_000, { type: 'edge.started', by: 'sensor' });
    expect(d.state.edging).toBe(true);
    expect(d.level(...WAND)).toBe(0);
    d.live(75_000);
    expect(d.level(...WAND)).toBe(0);
    d.at(75_000, { type: 'edge.ended', by: 'dominant' });
    d.live(77_000);
    expect(d.level(...WAND)).toBeCloseTo(0.1, 10);
  });

  it('edging belongs to play: refused in warm-up', () => {
    const d = new SceneDriver(pairAgreement);
    d.beat(0);
    d.at(0, { type: 'scene.start', by: 'dominant' });
    d.at(1000, { type: 'edge.started', by: 'dominant' });
    expect(rejected(d)).toBe('edging belongs to play');
  });

  it('an early orgasm with early = post-orgasm goes on to the post-orgasm phase, counted from it', () => {
    const d = pairInPlay();
    d.at(70_000, { type: 'edge.started', by: 'dominant' });
    d.at(70_000, { type: 'orgasm.marked', by: 'sensor' });
    expect(d.last).toContainEqual({
      type: 'orgasm',
      at: 70_000,
      count: 1,
      by: 'sensor',
      early: true,
    });
    expect(d.state.phase).toBe('orgasm');
    expect(d.state.edging).toBe(false);
    d.live(80_000);
    expect(d.state.phase).toBe('post-orgasm');
    d.live(159_000);
    expect(d.state.phase).toBe('post-orgasm');
    d.live(160_000);
    expect(d.state.stop).toMatchObject({ cause: 'time', at: 160_000 });
  });

  it('[S3] a lowered post-orgasm time ends the phase sooner', () => {
    const d = pairInPlay();
    d.at(70_000, {
      type: 'limit.lowered',
      by: 'submissive',
      limit: { kind: 'post-orgasm-seconds', value: 30 },
    });
    d.at(70_000, { type: 'orgasm.marked', by: 'dominant' });
    d.live(99_000);
    expect(d.state.stop).toBeNull();
    d.live(100_000);
    expect(d.state.stop).toMatchObject({ cause: 'time', at: 100_000 });
  });

  it('phase.next moves the orgasm phase on, and ends the post-orgasm phase (ended)', () => {
    const d = pairInPlay();
    d.at(70_000, { type: 'phase.next', by: 'dominant' });
    expect(rejected(d)).toBe('play moves on when an orgasm is marked');
    d.at(70_000, { type: 'orgasm.marked', by: 'dominant' });
    d.at(71_000, { type: 'phase.next', by: 'dominant' });
    expect(d.state.phase).toBe('post-orgasm');
    d.at(72_000, { type: 'phase.next', by: 'submissive' });
    expect(d.state.stop).toMatchObject({ cause: 'ended', by: 'submissive' });
  });
});

describe('limits', () => {
  it('[S3] either partner may lower a limit; it takes effect in the same step; widening is refused', () => {
    const d = pairInPlay();
    d.at(70_000, {
      type: 'limit.lowered',
      by: 'submissive',
      limit: { kind: 'output-ceiling', output: 'vibrate', value: 0.4 },
    });
    expect(d.level(...WAND)).toBe(0.4);
    expect(d.lastOf('limit')).toHaveLength(1);
    d.at(70_000, {
      type: 'limit.lowered',
      by: 'dominant',
      limit: { kind: 'output-ceiling', output: 'vibrate', value: 0.5 },
    });
    expect(rejected(d)).toMatch(/limits only narrow mid-scene/);
    expect(d.state.limits.outputCeilings.vibrate).toBe(0.4);
    d.at(70_000, {
      type: 'limit.lowered',
      by: 'sensor',
      limit: { kind: 'output-ceiling', output: 'vibrate', value: 0.1 },
    });
    expect(rejected(d)).toBe('sensor may not send limit.lowered');
    d.at(70_000, {
      type: 'limit.lowered',
      by: 'dominant',
      limit: { kind: 'output-ceiling', output: 'constrict', value: 0.1 },
    });
    expect(rejected(d)).toBe('constrict is not allowed by the agreement');
    d.at(70_000, {
      type: 'limit.lowered',
      by: 'dominant',
      limit: { kind: 'phase-ceiling', phase: 'play', value: 0.2 },
    });
    expect(d.level(...WAND)).toBe(0.2);
    expect(d.state.limits.phaseCeilings).toMatchObject({ play: 0.2, orgasm: 0.2 });
  });

  it('[P2] events from the wrong role are refused and change nothing', () => {
    const d = pairInPlay();
    const before = d.state;
    for (const body of [
      {
        type: 'intensity.requested',
        by: 'submissive',
        device: 'wand',
        feature: 'vibrate',
        value: 0,
      },
      { type: 'intensity.requested', by: 'system', device: 'wand', feature: 'vibrate', value: 0 },
      { type: 'device.lost', by: 'dominant', device: 'wand' },
      { type: 'signal.held', by: 'dominant' },
      { type: 'scene.end', by: 'sensor' },
      { type: 'consent.withdrawn', by: 'system' },
    ] as const) {
      d.at(70_000, body);
      expect(d.lastOf('rejected')).toHaveLength(1);
    }
    expect({ ...d.state, eventCount: 0 }).toStrictEqual({ ...before, eventCount: 0 });
  });

  it('intensity for an unknown device or feature is refused', () => {
    const d = pairInPlay();
    d.at(70_000, {
      type: 'intensity.requested',
      by: 'dominant',
      device: 'ghost',
      feature: 'vibrate',
      value: 1,
    });
    expect(rejected(d)).toBe('no feature vibrate on device ghost');
  });
});
