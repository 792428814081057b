/**
 * A scene's real-time clock: whole milliseconds since the scene was created, the unit every
 * scene event's `at` uses. It reads the monotonic `performance.now()`, not the wall clock, so a
 * clock change on the machine (NTP, daylight saving) can never move a scene's time backwards or
 * make a timer fire early.
 */
export type SceneClock = Readonly<{
  /** Integer ms since the clock was created; never less than an earlier reading. */
  now(): number;
}>;

export function createSceneClock(
  source: () => number = () => performance.now(),
  /** Where the clock starts: a restored scene's clock goes on from its last event. */
  startAt = 0,
): SceneClock {
  const origin = source() - startAt;
  let last = startAt;
  return {
    now() {
      // The source is monotonic already; the guard keeps the promise if an injected one is not.
      last = Math.max(last, Math.floor(source() - origin));
      return last;
    },
  };
}
