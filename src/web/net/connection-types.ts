import type { Effect } from '../../core';
import type { ClientFrameBody, Role } from '../../protocol/frames';
import type { SceneView } from '../../protocol/view';

/**
 * `refused`: these credentials did not work (or another screen took over). `ended`: the scene is
 * over on the server (closed, or stopped and left): no toy moves for it; its debrief and history
 * remain. Neither comes back by itself.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'ended';

export type ConnectionSnapshot = Readonly<{
  status: ConnectionStatus;
  role: Role | null;
  /** Latest view from welcome/view frames. */
  view: SceneView | null;
  /** Effects of the latest view frame. */
  lastEffects: readonly Effect[];
  lastError: Readonly<{ code: string; message: string; seq?: number }> | null;
  /** Seqs sent and not yet acknowledged. */
  pending: readonly number[];
  /** Stop frames waiting for the next welcome (sent first thing once connected). */
  queuedStops: number;
}>;

export type Connection = {
  /**
   * Numbers and sends the frame now; returns its seq. When not open: a stop-type frame (safeword
   * red, checkin red, withdraw) is queued and sent first thing after the next welcome (its seq is
   * returned); anything else is not sent and returns null. Never awaits anything before writing
   * to the socket.
   */
  send(body: ClientFrameBody): number | null;
  snapshot(): ConnectionSnapshot;
  subscribe(listener: (snapshot: ConnectionSnapshot) => void): () => void;
  /** Hears every effect list as it arrives (for prompts: vibration, sound, speech). */
  onEffects(listener: (effects: readonly Effect[], view: SceneView) => void): () => void;
  /**
   * Tries again now: after a refusal or being replaced (which never retry by themselves), or
   * mid-backoff (back online, back in view).
   */
  retry(): void;
  close(): void;
};

export type ConnectionOptions = Readonly<{
  url: string;
  sceneId: string;
  secret: string;
  /** The panel's heartbeats (S5); also lets the panel notice a dead socket by silence. */
  heartbeat: boolean;
}>;

/** The little of a WebSocket the connection uses, so tests can hand in a fake. */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
};

export type TimerId = ReturnType<typeof setTimeout>;

/** Everything the connection needs from the outside world. */
export type ConnectionEnv = Readonly<{
  createSocket(url: string): SocketLike;
  setTimer(fn: () => void, ms: number): TimerId;
  clearTimer(id: TimerId): void;
  now(): number;
  /** The highest seq this browser used for this scene (survives reloads). */
  loadLastSeq(): number;
  saveLastSeq(seq: number): void;
}>;

export const SOCKET_OPEN = 1;
/** A socket that has not been welcomed by then is given up and tried again. */
export const WELCOME_TIMEOUT_MS = 5000;
/**
 * Close codes the server uses (docs/protocol.md). Going away: the server is stopping, so come
 * back by itself once it is up again. Replaced: another screen took this role, so do not come
 * back by itself (it would push that screen off in turn). Unauthorized: never works by retrying.
 * Ended: the scene is over; coming back would only hear that again.
 * Any other code (1006 for a dropped network, for one) reconnects with backoff.
 */
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_REPLACED = 4000;
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_RATE_LIMITED = 4429;
export const CLOSE_ENDED = 4410;
/** After 'rate-limited' the next try waits at least this long (retrying sooner only adds failures). */
export const RATE_LIMITED_RETRY_MS = 15_000;
/**
 * A stop not acknowledged within this time means the socket is probably dead without knowing
 * it (a phone that left Wi-Fi): reconnect at once and send the stop again, instead of waiting
 * for the heartbeat silence to tell.
 */
export const STOP_ACK_TIMEOUT_MS = 1500;
/** A stop refused as 'replayed' is renumbered and sent again at most this many times. */
export const MAX_STOP_RENUMBERS = 5;

export const INITIAL_SNAPSHOT: ConnectionSnapshot = Object.freeze({
  status: 'connecting',
  role: null,
  view: null,
  lastEffects: [],
  lastError: null,
  pending: [],
  queuedStops: 0,
});
