import type { GovernedLevel } from '../core';

/**
 * The output port every device adapter implements (simulated, Buttplug). The scene loop talks to
 * toys only through this, so one contract suite can hold every adapter to the same rules.
 */
export type DevicePort = {
  /**
   * Brings every output of every device to zero. Synchronous on purpose: a stop never awaits a
   * reply, a connection or storage (S1). An adapter sends its stop and returns at once; it
   * notices lost devices itself rather than waiting here. (typescript-eslint's
   * no-misused-promises refuses an async implementation.)
   */
  stopAll(): void;
  /** Sets one output. Only the governor makes a `GovernedLevel`, so nothing ungoverned gets here (S2). */
  setOutput(device: string, feature: string, value: GovernedLevel): void;
};
