import type { SceneEvent } from '../core';

/**
 * Where a scene's events go, in order (S7). `append` is synchronous so the loop stays simple and
 * ordered; the loop calls it only after the stop has reached the devices (S1).
 */
export type EventLog = {
  append(event: SceneEvent): void;
};

export type MemoryEventLog = EventLog & { events(): readonly SceneEvent[] };

export function createMemoryEventLog(): MemoryEventLog {
  const events: SceneEvent[] = [];
  return {
    append(event) {
      events.push(event);
    },
    events: () => events,
  };
}
