/** "4:05" or "1:02:03": minutes and seconds, hours only when there are some. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

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
