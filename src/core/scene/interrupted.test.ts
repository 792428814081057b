import { describe, expect, it } from 'vitest';
import { pairAgreement, soloAgreement } from '../../../test/fixtures/agreements';
import { SceneDriver } from '../../../test/support/drive';
import { isStopRequest, senderRefusal, stopsAtOnce } from './handlers';
import { replay } from './machine';
import { STOPPED_DWELL_MS } from './timers';

/**
 * `scene.interrupted`: a restarted server (or one that lost track of a scene) brings every open
 * scene back stopped, and never resumes stimulation. Pair fixture as in machine.test.ts.
 */

const INTERRUPTED = { type: 'scene.interrupted', by: 'system' } as const;

/** A pair scene started at 0 with the wand asked to full, in play at 70 s. */
function inPlay(): SceneDriver {
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
  d.live(70_000);
  expect(d.level('wand', 'vibrate')).toBe(0.8);
  return d;
}

describe('scene.interrupted', () => {
  it('[S1] in an active phase it latches the scene stopped (cause interrupted), stop-all first, every output 0', () => {
    const d = inPlay();
    expect(stopsAtOnce(d.state, { ...INTERRUPTED, at: 71_000 })).toBe(true);
    d.at(71_000, INTERRUPTED);
    expect(d.state.stop).toStrictEqual({ cause: 'interrupted', by: 'system', at: 71_000 });
    expect(d.state.phase).toBe('stopped');
    expect(d.last[0]).toStrictEqual({ type: 'stop-all', at: 71_000, reason: 'stop' });
    expect(d.lastOf('stop')).toStrictEqual([
      { type: 'stop', at: 71_000, cause: 'interrupted', by: 'system' },
    ]);
    expect(d.level('wand', 'vibrate')).toBe(0);
    expect(d.devices.level('wand/vibrate')).toBe(0);
  });

  it('[S1] in setup it stops the scene before it starts, as a red there does; starting is refused', () => {
    const d = new SceneDriver(pairAgreement);
    d.beat(0);
    d.at(10, INTERRUPTED);
    expect(d.state.stop).toStrictEqual({ cause: 'interrupted', by: 'system', at: 10 });
    expect(d.state.phase).toBe('stopped');
    expect(d.last[0]).toMatchObject({ type: 'stop-all', reason: 'stop' });
    expect(d.at(20, { type: 'scene.start', by: 'dominant' })[0]).toMatchObject({
      type: 'rejected',
      reason: 'the scene has already started',
    });
  });

  it('[S6] it is final: a green, a start or a new level never brings stimulation back', () => {
    const d = inPlay();
    d.at(71_000, INTERRUPTED);
    const stop = d.state.stop;
    d.beat(71_500);
    d.at(71_500, { type: 'checkin.answered', by: 'submissive', answer: 'green' });
    d.at(71_500, { type: 'scene.start', by: 'dominant' });
    d.at(71_500, {
      type: 'intensity.requested',
      by: 'dominant',
      device: 'wand',
      feature: 'vibrate',
      value: 1,
    });
    d.live(71_000 + STOPPED_DWELL_MS + 1000);
    expect(d.state.stop).toBe(stop);
    expect(d.state.phase).toBe('aftercare');
    expect(d.all('output').filter((o) => o.at > 71_000 && o.value > 0)).toStrictEqual([]);
  });

  it('[S6] after a stop it changes nothing, and is not refused', () => {
    const d = inPlay();
    d.at(71_000, { type: 'safeword', by: 'submissive', word: 'red' });
    const stop = d.state.stop;
    expect(stopsAtOnce(d.state, { ...INTERRUPTED, at: 72_000 })).toBe(false);
    expect(d.at(72_000, INTERRUPTED)).toStrictEqual([]);
    expect(d.state.stop).toBe(stop);
    expect(d.state.phase).toBe('stopped');
  });

  it('a scene closed in setup stays closed', () => {
    const d = new SceneDriver(pairAgreement);
    d.at(10, { type: 'scene.end', by: 'dominant' });
    expect(d.at(20, INTERRUPTED)).toStrictEqual([]);
    expect(d.state.phase).toBe('closed');
    expect(d.state.stop).toBeNull();
  });

  it('[P2] only the system may send it: from a partner or a sensor it is refused and changes nothing', () => {
    for (const agreement of [pairAgreement, soloAgreement]) {
      const d = new SceneDriver(agreement);
      d.beat(0);
      for (const by of ['dominant', 'submissive', 'sensor'] as const) {
        const before = d.state;
        const event = { type: 'scene.interrupted', at: 100, by } as const;
        expect(stopsAtOnce(before, event)).toBe(false);
        d.send(event);
        expect(d.lastOf('rejected')).toHaveLength(1);
        const timeOnly = { now: 100, appliedAt: 100, eventCount: before.eventCount + 1 };
        expect(d.state).toStrictEqual({ ...before, ...timeOnly });
      }
    }
  });

  it('[S1] it is a stop request, so a scene loop sends stop for it even when it waits behind other work', () => {
    expect(isStopRequest({ ...INTERRUPTED, at: 0 })).toBe(true);
  });

  it('[S7] a log that ends in an interruption replays to the same stopped scene', () => {
    const d = inPlay();
    d.at(71_000, INTERRUPTED);
    const replayed = replay(d.events);
    expect(replayed.state).toStrictEqual(d.state);
    expect(replayed.effects).toStrictEqual(d.log);
  });
});

describe('senderRefusal (the same check step makes, for the shell to use at its edge)', () => {
  it.each([
    ['pair', 'safeword', 'dominant', null],
    ['pair', 'safeword', 'submissive', null],
    ['pair', 'safeword', 'sensor', 'sensor may not send safeword'],
    ['pair', 'intensity.requested', 'submissive', 'submissive may not send intensity.requested'],
    ['pair', 'checkin.answered', 'dominant', 'dominant may not send checkin.answered'],
    ['pair', 'device.lost', 'dominant', 'dominant may not send device.lost'],
    ['pair', 'scene.interrupted', 'system', null],
    ['pair', 'scene.interrupted', 'dominant', 'dominant may not send scene.interrupted'],
    ['solo', 'scene.interrupted', 'submissive', 'submissive may not send scene.interrupted'],
    ['solo', 'safeword', 'dominant', 'a solo scene has no dominant'],
    // The person alone may do what the dominant would.
    ['solo', 'intensity.requested', 'submissive', null],
    ['solo', 'edge.started', 'submissive', null],
    ['solo', 'orgasm.marked', 'sensor', null],
  ] as const)('%s: %s from %s → %s', (mode, type, by, expected) => {
    expect(senderRefusal(mode, type, by)).toBe(expected);
  });

  it('[S4] never refuses the submissive’s red, in either mode', () => {
    for (const mode of ['pair', 'solo'] as const) {
      expect(senderRefusal(mode, 'safeword', 'submissive')).toBeNull();
      expect(senderRefusal(mode, 'checkin.answered', 'submissive')).toBeNull();
      expect(senderRefusal(mode, 'consent.withdrawn', 'submissive')).toBeNull();
    }
  });
});
