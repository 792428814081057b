import { describe, expect, it } from 'vitest';
import { estimateSceneNow, liveTimers } from './live-timers';
import { makeView } from '../test-support/view.test-support';

const NBSP = '\u00a0';
const byId = (lines: ReturnType<typeof liveTimers>) =>
  Object.fromEntries(lines.map((l) => [l.id, l.value]));

describe('estimateSceneNow', () => {
  it('adds the time seen since the view arrived, never less', () => {
    expect(estimateSceneNow(10_000, 500, 1_500)).toBe(11_000);
    expect(estimateSceneNow(10_000, 500, 400)).toBe(10_000);
  });
});

describe('liveTimers', () => {
  it('shows time in phase, scene time and the next check-in', () => {
    const lines = byId(liveTimers(makeView(), 20_000));
    expect(lines['in-phase']).toBe(`15${NBSP}s`);
    expect(lines.scene).toBe(`19${NBSP}s`);
    expect(lines['check-in']).toBe(`41${NBSP}s`);
    expect(lines['play-left']).toBe('14:45');
  });

  it('counts warm-up down', () => {
    const lines = byId(liveTimers(makeView({ phase: 'warm-up', phaseSince: 1_000 }), 31_000));
    expect(lines['warm-up-left']).toBe(`30${NBSP}s`);
  });

  it('counts the post-orgasm time down and marks its last seconds urgent', () => {
    const view = makeView({ phase: 'post-orgasm', postOrgasmEndsAt: 70_000 });
    const line = liveTimers(view, 65_000).find((l) => l.id === 'post-orgasm-left');
    expect(line?.value).toBe(`5${NBSP}s`);
    expect(line?.urgent).toBe(true);
  });

  it('counts an asked check-in down to its timeout', () => {
    const view = makeView({ checkIn: { nextDueAt: 60_000, promptedAt: 60_000 } });
    const line = liveTimers(view, 65_000).find((l) => l.id === 'check-in');
    expect(line?.value).toBe(`10${NBSP}s`);
    expect(line?.label).toContain('pauses');
  });

  it('shows only elapsed time after a stop', () => {
    const view = makeView({ stop: { cause: 'red', by: 'dominant', at: 9_000 } });
    expect(liveTimers(view, 20_000).map((l) => l.id)).toEqual(['in-phase', 'scene']);
  });
});
