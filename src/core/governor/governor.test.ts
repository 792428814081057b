import { describe, expect, it } from 'vitest';
import { ACTIVE_PHASES, PHASES } from '../scene/phases';
import {
  ceilingFor,
  govern,
  type GovernedFeature,
  type GovernedLevel,
  type GovernorInput,
} from './governor';
import { limitsFromAgreement } from './limits';
import { pairAgreement } from '../../../test/fixtures/agreements';

/** Pair fixture limits: vibrate 0.8, rotate 0.5, warm-up 0.3, play 0.8, post-orgasm 0.6, ramp 20 s. */
const limits = limitsFromAgreement(pairAgreement);
const wand: GovernedFeature = { device: 'wand', feature: { id: 'vibrate', kind: 'vibrate' } };
const rotor: GovernedFeature = { device: 'duo', feature: { id: 'rotate', kind: 'rotate' } };
const squeeze: GovernedFeature = { device: 'duo', feature: { id: 'squeeze', kind: 'constrict' } };

const lvl = (n: number) => n as GovernedLevel;

/** Everything asked at full, everything already at full: only the bounds decide. */
function input(over: Partial<GovernorInput> = {}): GovernorInput {
  return {
    now: 10_000,
    phase: 'play',
    stopped: false,
    paused: false,
    edging: false,
    limits,
    features: [wand, rotor, squeeze],
    lostDevices: [],
    targets: { 'wand/vibrate': 1, 'duo/rotate': 1, 'duo/squeeze': 1 },
    previous: { 'wand/vibrate': lvl(1), 'duo/rotate': lvl(1), 'duo/squeeze': lvl(1) },
    previousAt: 0,
    yellowCaps: {},
    postOrgasmEndsAt: null,
    testPulse: null,
    ...over,
  };
}

describe('govern', () => {
  it('[S2] never above the ceiling of the output kind or of the phase', () => {
    expect(govern(input())).toStrictEqual({
      'wand/vibrate': 0.8,
      'duo/rotate': 0.5,
      'duo/squeeze': 0,
    });
    expect(govern(input({ phase: 'warm-up' }))['wand/vibrate']).toBe(0.3);
    expect(govern(input({ phase: 'orgasm' }))['wand/vibrate']).toBe(0.8);
    expect(govern(input({ phase: 'post-orgasm' }))['wand/vibrate']).toBe(0.6);
    expect(govern(input({ phase: 'warm-up' }))['duo/rotate']).toBe(0.3);
  });

  it('[S2] kinds the agreement does not allow stay at 0', () => {
    for (const phase of ACTIVE_PHASES) expect(govern(input({ phase }))['duo/squeeze']).toBe(0);
  });

  it('[S2] 0 outside the active phases', () => {
    for (const phase of PHASES.filter((p) => !(ACTIVE_PHASES as readonly string[]).includes(p)))
      expect(Object.values(govern(input({ phase })))).toStrictEqual([0, 0, 0]);
  });

  it('[S2] never rising faster than the ramp; falls are immediate', () => {
    const fromZero = { previous: {}, previousAt: 9000 };
    expect(govern(input(fromZero))['wand/vibrate']).toBe(0.05); // 1 s of a 20 s ramp
    expect(govern(input({ ...fromZero, now: 9000 }))['wand/vibrate']).toBe(0);
    expect(govern(input({ ...fromZero, now: 8000 }))['wand/vibrate']).toBe(0); // time never runs back
    const half = { previous: { 'wand/vibrate': lvl(0.5) }, previousAt: 9000 };
    expect(govern(input(half))['wand/vibrate']).toBe(0.55);
    expect(govern(input({ ...half, targets: { 'wand/vibrate': 0.1 } }))['wand/vibrate']).toBe(0.1);
    // Not rounded: 2469 ms is 0.12345 of full scale, and a slow ramp at a fast tick still rises.
    expect(govern(input({ previous: {}, previousAt: 10_000 - 2469 }))['wand/vibrate']).toBeCloseTo(
      0.12345,
      12,
    );
    const slowRamp = { ...limits, rampPerMs: 1 / 3_600_000 };
    const slow = input({ previous: {}, previousAt: 9900, limits: slowRamp });
    expect(govern(slow)['wand/vibrate']).toBeGreaterThan(0);
  });

  it('[S2] a narrower ramp or ceiling in force wins over the agreement', () => {
    const narrowed = {
      ...limits,
      rampPerMs: limits.rampPerMs / 2,
      outputCeilings: { ...limits.outputCeilings, vibrate: 0.25 },
    };
    expect(govern(input({ limits: narrowed }))['wand/vibrate']).toBe(0.25);
    expect(
      govern(input({ limits: narrowed, previous: {}, previousAt: 9000 }))['wand/vibrate'],
    ).toBe(0.025);
  });

  it('[S1] [S6] the stop latch holds every output at 0 in every phase', () => {
    for (const phase of PHASES)
      expect(Object.values(govern(input({ phase, stopped: true })))).toStrictEqual([0, 0, 0]);
  });

  it('[S1] [S6] paused holds every output at 0', () => {
    expect(Object.values(govern(input({ paused: true })))).toStrictEqual([0, 0, 0]);
  });

  it('[S2] edging holds every output at 0', () => {
    expect(Object.values(govern(input({ edging: true })))).toStrictEqual([0, 0, 0]);
  });

  it('[S1] a lost device gets 0; the others go on', () => {
    expect(govern(input({ lostDevices: ['duo'] }))).toStrictEqual({
      'wand/vibrate': 0.8,
      'duo/rotate': 0,
      'duo/squeeze': 0,
    });
  });

  it('[S2] nothing once the post-orgasm time is over', () => {
    const phase = 'post-orgasm';
    expect(govern(input({ phase, postOrgasmEndsAt: 10_001 }))['wand/vibrate']).toBe(0.6);
    expect(Object.values(govern(input({ phase, postOrgasmEndsAt: 10_000 })))).toStrictEqual([
      0, 0, 0,
    ]);
    expect(Object.values(govern(input({ phase: 'orgasm', postOrgasmEndsAt: 5000 })))).toStrictEqual(
      [0, 0, 0],
    );
  });

  it('[S6] yellow caps hold each output at or below its cap', () => {
    const out = govern(input({ yellowCaps: { 'wand/vibrate': 0.4, 'duo/rotate': 0 } }));
    expect(out).toStrictEqual({ 'wand/vibrate': 0.4, 'duo/rotate': 0, 'duo/squeeze': 0 });
  });

  it('an output nobody asked for stays at 0; targets never go negative or above 1', () => {
    expect(govern(input({ targets: {} }))['wand/vibrate']).toBe(0);
    expect(govern(input({ targets: { 'wand/vibrate': -1 } }))['wand/vibrate']).toBe(0);
    const full = {
      ...limits,
      outputCeilings: { vibrate: 5 },
      phaseCeilings: { ...limits.phaseCeilings, play: 5 },
    };
    expect(govern(input({ limits: full, targets: { 'wand/vibrate': 7 } }))['wand/vibrate']).toBe(1);
  });

  it('ceilingFor reports the bound the governor applies', () => {
    expect(ceilingFor(input(), wand)).toBe(0.8);
    expect(ceilingFor(input({ phase: 'post-orgasm' }), rotor)).toBe(0.5);
    expect(ceilingFor(input({ yellowCaps: { 'wand/vibrate': 0.1 } }), wand)).toBe(0.1);
    expect(ceilingFor(input({ stopped: true }), wand)).toBe(0);
    const pulsing = input({ phase: 'setup', testPulse: { key: 'wand/vibrate', until: 10_500 } });
    expect(ceilingFor(pulsing, wand)).toBe(0.1);
    expect(ceilingFor(pulsing, rotor)).toBe(0);
  });
});

describe('govern in set-up: the test pulse', () => {
  const setup = (over: Partial<GovernorInput> = {}) =>
    govern(input({ phase: 'setup', testPulse: { key: 'wand/vibrate', until: 10_500 }, ...over }));

  it('[S2] only the pulsing output, at the least of the test level and the ceilings of its kind and of warm-up', () => {
    expect(setup()).toStrictEqual({ 'wand/vibrate': 0.1, 'duo/rotate': 0, 'duo/squeeze': 0 });
    const lowKind = { ...limits, outputCeilings: { vibrate: 0.04 } };
    expect(setup({ limits: lowKind })['wand/vibrate']).toBe(0.04);
    const lowWarmUp = { ...limits, phaseCeilings: { ...limits.phaseCeilings, 'warm-up': 0.07 } };
    expect(setup({ limits: lowWarmUp })['wand/vibrate']).toBe(0.07);
    expect(setup({ testPulse: { key: 'duo/squeeze', until: 10_500 } })['duo/squeeze']).toBe(0);
  });

  it('[S2] targets, the previous level and the ramp play no part: it starts at its level', () => {
    expect(setup({ targets: {}, previous: {}, previousAt: 10_000 })['wand/vibrate']).toBe(0.1);
  });

  it('[S2] zero without a pulse, from its end, when stopped, for a lost device and outside set-up', () => {
    expect(Object.values(setup({ testPulse: null }))).toStrictEqual([0, 0, 0]);
    expect(Object.values(setup({ now: 10_500 }))).toStrictEqual([0, 0, 0]);
    expect(Object.values(setup({ stopped: true }))).toStrictEqual([0, 0, 0]);
    expect(Object.values(setup({ lostDevices: ['wand'] }))).toStrictEqual([0, 0, 0]);
    for (const phase of PHASES.filter((p) => p !== 'setup'))
      expect(
        govern(input({ phase, testPulse: { key: 'wand/vibrate', until: 10_500 } })),
      ).toStrictEqual(govern(input({ phase })));
  });
});
