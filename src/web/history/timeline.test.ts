import { describe, expect, it } from 'vitest';
import { pairAgreement } from '../../../test/fixtures/agreements';
import { foldLog } from './fold';
import { sampleEvents, sampleHistory } from './history.test-support';
import { timelineMarks } from './marks';
import { buildTimeline, formatLatency, plotColumns, sceneTime, stopTimingWords } from './timeline';

const folded = () => {
  const f = foldLog(sampleEvents());
  if (!f.ok) throw new Error(f.error);
  return f.steps;
};
const timeline = (overrides = {}) => {
  const h = sampleHistory(overrides);
  return buildTimeline(folded(), h.agreement, h.readings, h.stopTimings);
};

describe('folding a log', () => {
  it('[S7] gives one step per event, ending where the scene ended', () => {
    const steps = folded();
    expect(steps).toHaveLength(sampleEvents().length);
    expect(steps.at(-1)?.state.stop).toEqual({ cause: 'red', by: 'submissive', at: 50_500 });
  });

  it('says so when a log does not start with the creation', () => {
    expect(foldLog(sampleEvents().slice(1))).toEqual({
      ok: false,
      error: 'this log does not start with the scene’s creation',
    });
  });
});

describe('the timeline', () => {
  it('marks the phases, the check-in, the safeword and the stop, in plain words and in order', () => {
    expect(timelineMarks(folded(), pairAgreement)).toEqual([
      { at: 1000, kind: 'phase', words: 'Phase: Warm-up.' },
      { at: 46_000, kind: 'checkin-asked', words: 'Check-in asked.' },
      { at: 47_000, kind: 'checkin-answered', words: 'Sam answered the check-in: green.' },
      { at: 50_500, kind: 'safeword', words: 'Sam called red.' },
      { at: 50_500, kind: 'stop', words: 'Stopped. Sam called red.' },
      { at: 50_500, kind: 'phase', words: 'Phase: Stopped.' },
    ]);
  });

  it('[S2] follows the governed level (the ramp and the warm-up ceiling), not the level asked for', () => {
    const t = timeline();
    expect(t.origin).toBe(1000);
    expect(t.outputs.map((o) => o.key)).toEqual([
      'wand/vibrate',
      'duo/vibrate',
      'duo/rotate',
      'duo/squeeze',
    ]);
    const wand = t.levels.map((l) => l.values[0] ?? -1);
    expect(Math.max(...wand)).toBeLessThanOrEqual(0.3);
    // Rises along the agreed ramp (full scale in 20 s), one heartbeat at a time.
    expect(wand.slice(1, 4).map((v) => v.toFixed(3))).toEqual(['0.050', '0.100', '0.150']);
    expect(t.levels.at(-1)).toEqual({ at: 50_500, values: [0, 0, 0, 0] });
  });

  it('lays out one column per output, pressure and heart rate, in time from the start', () => {
    const t = timeline();
    const [xs, wand, , , , pressure, hr] = plotColumns(t);
    expect(xs?.[0]).toBe(0);
    expect(xs?.at(-1)).toBe(49_500);
    const at = (ms: number) => xs?.indexOf(ms) ?? -1;
    expect(pressure?.[at(9200)]).toBe(1500);
    expect(pressure?.[at(9000)]).toBeNull();
    expect(hr?.[at(9000)]).toBe(88);
    expect(wand?.[at(9200)]).toBe(0.3);
    expect(wand?.at(-1)).toBe(0);
  });

  it('says how fast the stop reached the toys, or that it was not recorded', () => {
    expect(stopTimingWords(timeline())).toBe('The stop reached the toys in 3.2\u00a0ms.');
    expect(stopTimingWords(timeline({ stopTimings: [] }))).toMatch(/was not recorded/);
    expect(formatLatency(0.44)).toBe('0.4\u00a0ms');
    expect(formatLatency(120.4)).toBe('120\u00a0ms');
  });

  it('tells scene times as m:ss from the start, and the set-up before it', () => {
    expect(sceneTime(500, 1000)).toBe('Set-up');
    expect(sceneTime(66_000, 1000)).toBe('1:05');
  });
});
