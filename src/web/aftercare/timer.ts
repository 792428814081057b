/**
 * Time spent in aftercare, on the scene clock. The view says what the scene clock read when it
 * was made (`viewNow`); the local clock fills in the time since the view arrived.
 */
export function aftercareElapsedMs(
  since: number,
  viewNow: number,
  receivedAt: number,
  localNow: number,
): number {
  return Math.max(0, viewNow - since + Math.max(0, localNow - receivedAt));
}

/** What the timer says about the agreed minimum. */
export function aftercareProgress(
  elapsedMs: number,
  minutes: number,
): { remainingMs: number; done: boolean } {
  const remainingMs = Math.max(0, minutes * 60_000 - elapsedMs);
  return { remainingMs, done: remainingMs === 0 };
}
