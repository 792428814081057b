/** Reconnect delays: 0.25 s doubling up to 2 s, then every 2 s for as long as it takes. */
export const FIRST_RETRY_MS = 250;
export const MAX_RETRY_MS = 2000;

/** The wait before reconnect attempt `attempt` (0 = the first retry after a drop). */
export function reconnectDelayMs(attempt: number): number {
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2 ** 4 already passes the cap; stop doubling before the number grows silly.
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(n, 4));
}
