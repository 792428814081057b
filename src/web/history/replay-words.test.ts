import { describe, expect, it } from 'vitest';
import { pairAgreement } from '../../../test/fixtures/agreements';
import { plotOutputs } from '../console/plot-labels';
import { foldLog } from './fold';
import { sampleEvents } from './history.test-support';
import { eventWords, replaySnapshot, stepAt } from './replay-words';

const steps = () => {
  const f = foldLog(sampleEvents());
  if (!f.ok) throw new Error(f.error);
  return f.steps;
};

describe('the replay', () => {
  it('[S7] shows the scene at each step from the log alone: phase, levels, limits in force', () => {
    const all = steps();
    const outputs = plotOutputs(all[0]?.state.devices ?? []);
    const playing = all.find((s) => s.event.at === 30_000);
    if (playing === undefined) throw new Error('no step at 30 s');
    const during = replaySnapshot(playing.state, outputs);
    expect(during.phase).toBe('Warm-up');
    expect(during.status).toBeNull();
    expect(during.levels[0]).toEqual({ label: 'Simulated wand · vibrate', level: '30\u00a0%' });
    expect(during.limits).toEqual([
      'vibrate: at most 80\u00a0%',
      'rotate: at most 50\u00a0%',
      'this phase: at most 30\u00a0%',
      'ramp: full scale in no less than 20 seconds',
      'post-orgasm: at most 1 minute 30 seconds',
      'orgasms: at most 2',
    ]);
    const end = replaySnapshot(all.at(-1)?.state ?? playing.state, outputs);
    expect(end.phase).toBe('Stopped');
    expect(end.status).toBe('Sam called red.');
    expect(end.levels.every((l) => l.level === '0\u00a0%')).toBe(true);
  });

  it('finds the last step at or before a time', () => {
    const times = [0, 500, 1000, 1000, 2000];
    expect(stepAt(times, -1)).toBe(0);
    expect(stepAt(times, 999)).toBe(1);
    expect(stepAt(times, 1000)).toBe(3);
    expect(stepAt(times, 99_999)).toBe(4);
    expect(stepAt([], 5)).toBe(0);
  });

  it('words every kind of event plainly, with names from the agreement', () => {
    const words = sampleEvents().map((e) => eventWords(e, pairAgreement));
    expect(words).toContain('Alex started the scene.');
    expect(words).toContain('Alex asked for 30\u00a0% on wand.');
    expect(words.at(-1)).toBe('Sam called red.');
  });
});
