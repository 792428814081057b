import { describe, expect, it } from 'vitest';
import { cutProfile, type CpuProfile } from '../../bench/cpu-profile';

describe('the load benchmark’s profile cut (bench/cpu-profile.ts)', () => {
  // Samples at 1010, 1030, 1060, 1100, 1150 µs: nodes 2, 3, 2, 3, 2.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, hitCount: 0, children: [2, 3] },
      { id: 2, hitCount: 3, positionTicks: [{ line: 4, ticks: 3 }] },
      { id: 3, hitCount: 2 },
    ],
    startTime: 1000,
    endTime: 1200,
    samples: [2, 3, 2, 3, 2],
    timeDeltas: [10, 20, 30, 40, 50],
  };

  it('keeps only the samples inside the window, timed from its start, and recounts the hits', () => {
    const cut = cutProfile(profile, { fromUs: 1020, toUs: 1100 });
    expect(cut.samples).toEqual([3, 2, 3]);
    expect(cut.timeDeltas).toEqual([10, 30, 40]);
    expect(cut.startTime).toBe(1020);
    expect(cut.endTime).toBe(1100);
    expect(cut.nodes.map((n) => [n.id, n.hitCount])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
    // Per-line ticks cannot be cut by time: left out, not left wrong.
    expect(cut.nodes[1]).not.toHaveProperty('positionTicks');
    expect(cut.nodes[0]).toHaveProperty('children', [2, 3]);
  });

  it('keeps nothing from a window no sample falls in', () => {
    const cut = cutProfile(profile, { fromUs: 1200, toUs: 1300 });
    expect(cut.samples).toEqual([]);
    expect(cut.nodes.every((n) => n.hitCount === 0)).toBe(true);
  });
});
