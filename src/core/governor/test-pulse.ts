import type { OutputKind } from '../agreement/agreement';
import type { FeatureKey } from './governor';
import type { Limits } from './limits';

/**
 * The set-up's test pulse (docs/decisions/0008-device-test-pulse.md): one output, low and short,
 * so the partners can see a device answers before the scene starts. It is still governed (S2):
 * the governor alone turns it into a level, never above `testPulseCeiling`, and zero from `until`.
 */

/** The most a test pulse may ever be, before the agreement's ceilings narrow it further. */
export const TEST_PULSE_LEVEL = 0.1;
/** How long a test pulse lasts; it then returns to zero by itself. */
export const TEST_PULSE_MS = 1000;

/** The one output pulsing in set-up, and the moment its pulse ends. */
export type TestPulse = Readonly<{ key: FeatureKey; until: number }>;

/**
 * The level of a test pulse on an output of this kind: the test level, the kind's ceiling in
 * force (0 for a kind the agreement does not allow) and the warm-up ceiling, whichever is least.
 * Nothing in set-up should be more than the gentlest agreed phase allows.
 */
export function testPulseCeiling(limits: Limits, kind: OutputKind): number {
  return Math.min(
    TEST_PULSE_LEVEL,
    limits.outputCeilings[kind] ?? 0,
    limits.phaseCeilings['warm-up'],
  );
}
