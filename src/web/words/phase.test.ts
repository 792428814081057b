import { describe, expect, it } from 'vitest';
import { PHASES } from '../../core/scene/phases';
import { agreement } from '../test-support/view.test-support';
import { nextPhase, phaseName } from './phase';

describe('phase words', () => {
  it('names every phase for both readers', () => {
    for (const phase of PHASES) {
      expect(phaseName(phase).length).toBeGreaterThan(0);
      expect(phaseName(phase, 'receiver').length).toBeGreaterThan(0);
    }
  });

  it('gives the receiver plainer words where the terms are technical', () => {
    expect(phaseName('post-orgasm')).toBe('Post-orgasm');
    expect(phaseName('post-orgasm', 'receiver')).toBe('After orgasm');
    expect(phaseName('setup', 'receiver')).toBe('Getting ready');
  });

  it('offers "next phase" only where the core moves on by hand', () => {
    const enabled = PHASES.filter((p) => nextPhase(p, agreement).enabled);
    expect(enabled).toEqual(['orgasm', 'post-orgasm', 'stopped', 'aftercare', 'debrief']);
  });

  it('says why warm-up cannot be skipped', () => {
    expect(nextPhase('warm-up', agreement).hint).toContain('1 minute');
  });
});
