import type { SceneEvent } from '../core';

/**
 * Where a scene's events go, in order (S7). `append` is synchronous so the loop stays simple and
 * ordered; the loop calls it only after the stop has reached the devices (S1). It throws when the
 * event cannot be kept.
 */
/** The screen's frame an event came from: its role and number (the replay guard, decision 0017). */
export type FrameOrigin = Readonly<{ role: 'dominant' | 'submissive'; seq: number }>;

export type EventLog = {
  /** Durable on return; or, for a log with `settled`, once `settled` says so. */
  append(event: SceneEvent, frame?: FrameOrigin): void;
  /**
   * A log that commits in groups (decision 0017): calls `done` once every event appended so far
   * is durable (null), or with the error that kept them from it; at once when none is waiting.
   */
  settled?(done: (error: Error | null) => void): void;
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
