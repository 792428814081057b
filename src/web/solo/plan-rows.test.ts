import { describe, expect, it } from 'vitest';
import { planGroups } from './plan-rows';

const NBSP = '\u00a0';
const plan = {
  warmUp: [
    { afterSeconds: 0, level: 0.15 },
    { afterSeconds: 30, level: 0.3 },
  ],
  play: [{ afterSeconds: 0, level: 0.5 }],
  postOrgasm: [{ afterSeconds: 0, level: 0.4 }],
};

describe('planGroups', () => {
  it('lists every phase of the plan', () => {
    const groups = planGroups(plan, 'setup', 0);
    expect(groups.map((g) => g.phase)).toEqual(['warm-up', 'play', 'post-orgasm']);
    expect(groups[0]?.rows).toEqual([
      { at: `from 0${NBSP}s`, level: `15${NBSP}%`, current: false },
      { at: `from 30${NBSP}s`, level: `30${NBSP}%`, current: false },
    ]);
  });

  it('marks the step playing now', () => {
    const warm = planGroups(plan, 'warm-up', 31_000)[0]?.rows.map((r) => r.current);
    expect(warm).toEqual([false, true]);
    const early = planGroups(plan, 'warm-up', 5_000)[0]?.rows.map((r) => r.current);
    expect(early).toEqual([true, false]);
    expect(planGroups(plan, 'play', 1)[0]?.rows.some((r) => r.current)).toBe(false);
  });
});
