import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActive, PHASES, type SceneState } from '../../core';
import { mayLetGo } from './scene-registry';
import { holdsDevices } from './scene-runtime';

const pulse = fc.option(fc.record({ key: fc.constant('d/f'), until: fc.nat() }), { nil: null });

describe('which scenes the server may let go of', () => {
  it('[S5] [S6] never one that may drive toys (running, or a test pulse on); every other stopped or unstarted one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PHASES), pulse, (phase, testPulse) => {
        // Only the two fields the rule reads; the rest of a state does not matter to it.
        const state = { phase, testPulse } as unknown as SceneState;
        expect(mayLetGo(state)).toBe(!holdsDevices(state));
        expect(mayLetGo(state)).toBe(!isActive(phase) && testPulse === null);
      }),
    );
  });
});
