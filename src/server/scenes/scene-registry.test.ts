import { describe, expect, it } from 'vitest';
import { isActive, PHASES } from '../../core';
import { mayLetGo } from './scene-registry';

describe('which scenes the server may let go of', () => {
  it('[S5] [S6] never one that may drive toys; every stopped or unstarted one', () => {
    for (const phase of PHASES) expect(mayLetGo(phase)).toBe(!isActive(phase));
  });
});
