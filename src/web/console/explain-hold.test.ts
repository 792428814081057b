import { describe, expect, it } from 'vitest';
import { explainHold } from './explain-hold';
import { makeView } from '../test-support/view.test-support';

const vibe = { id: 'v', kind: 'vibrate' } as const;
const held = (over: Parameters<typeof makeView>[0]) =>
  explainHold(makeView(over), 'wand', vibe)?.reason ?? null;

describe('explainHold', () => {
  it('says nothing when the applied level is what was asked', () => {
    expect(held({ requested: { 'wand/v': 0.4 }, applied: { 'wand/v': 0.4 } })).toBeNull();
    expect(held({ requested: {}, applied: {} })).toBeNull();
  });
  it('names the ramp while the level is still rising', () => {
    const hold = explainHold(
      makeView({ requested: { 'wand/v': 0.6 }, applied: { 'wand/v': 0.2 } }),
      'wand',
      vibe,
    );
    expect(hold?.reason).toBe('ramp');
    expect(hold?.words).toContain('20 seconds');
  });
  it('names the phase ceiling when the request is above it', () => {
    const hold = explainHold(
      makeView({ requested: { 'wand/v': 0.9 }, applied: { 'wand/v': 0.7 } }),
      'wand',
      vibe,
    );
    expect(hold?.reason).toBe('ceiling');
    expect(hold?.words).toContain('play ceiling');
  });
  it('names the output ceiling when it is the lower one', () => {
    const limits = { ...makeView().limits, outputCeilings: { vibrate: 0.5 } };
    const hold = explainHold(
      makeView({ limits, requested: { 'wand/v': 0.9 }, applied: { 'wand/v': 0.5 } }),
      'wand',
      vibe,
    );
    expect(hold?.words).toContain('vibrate ceiling');
  });
  it('puts yellow, pause, edging and stop before ramp and ceiling', () => {
    const asked = { requested: { 'wand/v': 0.6 }, applied: { 'wand/v': 0.1 } };
    expect(held({ ...asked, yellow: true })).toBe('yellow');
    expect(held({ ...asked, paused: 'checkin-missed' })).toBe('paused');
    expect(held({ ...asked, edging: true })).toBe('edging');
    expect(held({ ...asked, lostDevices: ['wand'] })).toBe('device-lost');
    expect(held({ ...asked, stop: { cause: 'red', by: 'submissive', at: 9_000 } })).toBe('stopped');
    expect(held({ ...asked, phase: 'setup' })).toBe('not-started');
    expect(held({ ...asked, phase: 'post-orgasm', postOrgasmEndsAt: 9_000 })).toBe('time-up');
  });
});
