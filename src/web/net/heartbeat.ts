/**
 * How often the panel says it is alive. The server stops the scene when the panel is silent past
 * `agreement.panel.heartbeatTimeoutSeconds` (S5); three beats fit in that window so one late
 * beat never stops a scene, and never less often than once a second.
 */
export const MAX_HEARTBEAT_MS = 1000;
/** A floor so a strange agreement cannot make the panel flood the server. */
export const MIN_HEARTBEAT_MS = 100;

export function heartbeatIntervalMs(heartbeatTimeoutSeconds: number): number {
  if (!Number.isFinite(heartbeatTimeoutSeconds) || heartbeatTimeoutSeconds <= 0)
    return MAX_HEARTBEAT_MS;
  const third = (heartbeatTimeoutSeconds * 1000) / 3;
  return Math.max(MIN_HEARTBEAT_MS, Math.min(MAX_HEARTBEAT_MS, Math.floor(third)));
}

/**
 * How long the panel waits for any word from the server before it treats the socket as dead (a
 * phone leaving Wi-Fi often closes nothing): a few beats, and at least 3 s.
 */
export function silenceLimitMs(intervalMs: number): number {
  return Math.max(3000, intervalMs * 4);
}
