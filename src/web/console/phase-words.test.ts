import { describe, expect, it } from 'vitest';
import { PHASES } from '../../core/scene/phases';
import { nextPhase, phaseName } from './phase-words';
import { agreement } from './test-view.test-support';

describe('phase words', () => {
  it('names every phase', () => {
    for (const phase of PHASES) expect(phaseName(phase).length).toBeGreaterThan(0);
  });

  it('offers "next phase" only where the core moves on by hand', () => {
    const enabled = PHASES.filter((p) => nextPhase(p, agreement).enabled);
    expect(enabled).toEqual(['orgasm', 'post-orgasm', 'stopped', 'aftercare', 'debrief']);
  });

  it('says why warm-up cannot be skipped', () => {
    expect(nextPhase('warm-up', agreement).hint).toContain('1 minute');
  });
});
