import type { Effect } from '../../core';
import type { ClientFrameBody, Hello } from '../../protocol/frames';
import type { SceneView, ServerFrame } from '../../protocol/view';
import { reconnectDelayMs } from './backoff';
import * as C from './connection-types';
import { heartbeatIntervalMs, silenceLimitMs } from './heartbeat';
import { createOutbox } from './outbox';
import { parseServerFrame } from './server-frame';
import { isStopFrame } from './stop-frames';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;
const HELLO_VERSION: Hello['v'] = 1;
/** Codes before a welcome that mean "these credentials will never work": do not retry. */
const REFUSING_CODES = new Set(['unauthorized', 'forbidden']);

/**
 * One participant's live connection to a scene. The stop path is plain synchronous code: `send`
 * writes to the socket before it touches anything else, with no await, no React state and no
 * storage in between (S1). Reconnects by itself, except after a refusal or being replaced.
 */
export function createConnection(options: C.ConnectionOptions, env: C.ConnectionEnv): C.Connection {
  const box = createOutbox(env.loadLastSeq());
  const listeners = new Set<(s: C.ConnectionSnapshot) => void>();
  const effectListeners = new Set<(effects: readonly Effect[], view: SceneView) => void>();
  const renumbered = new Map<number, number>();
  const timers = new Set<C.TimerId>();
  let snap: C.ConnectionSnapshot = C.INITIAL_SNAPSHOT;
  let socket: C.SocketLike | null = null;
  let welcomed = false;
  let closed = false;
  let attempt = 0;
  let minRetryMs = 0;
  let lastHeardAt = env.now();

  const publish = (patch: Partial<C.ConnectionSnapshot>) => {
    snap = Object.freeze({ ...snap, ...patch, pending: box.pending(), queuedStops: box.queued() });
    for (const listener of [...listeners]) listener(snap);
  };

  /** Timers that belong to one socket are cleared with it; `keep` marks the reconnect timer. */
  const later = (fn: () => void, ms: number) => {
    const id = env.setTimer(() => {
      timers.delete(id);
      fn();
    }, ms);
    timers.add(id);
  };
  const clearTimers = () => {
    for (const id of timers) env.clearTimer(id);
    timers.clear();
  };

  const canWrite = () => socket !== null && welcomed && socket.readyState === C.SOCKET_OPEN;

  /** Writes one numbered frame; false when the socket would not take it. */
  const write = (seq: number, body: ClientFrameBody): boolean => {
    const on = socket;
    if (on === null || !canWrite()) return false;
    try {
      on.send(JSON.stringify({ ...body, seq }));
    } catch {
      return false;
    }
    box.sent(seq, body);
    // An unanswered stop means a socket that died without knowing it: start afresh at once.
    if (isStopFrame(body))
      later(() => {
        if (socket === on && box.isPending(seq)) drop('reconnecting');
      }, C.STOP_ACK_TIMEOUT_MS);
    env.saveLastSeq(seq);
    return true;
  };

  /** Forgets the socket at once (its late events are ignored) and plans what comes next. */
  function drop(status: 'reconnecting' | 'refused' | 'ended') {
    const old = socket;
    socket = null;
    welcomed = false;
    clearTimers();
    if (old !== null) {
      old.onopen = old.onmessage = old.onclose = old.onerror = null;
      try {
        old.close();
      } catch {
        // Already closing.
      }
    }
    box.lose();
    if (closed) return;
    if (status === 'reconnecting') {
      later(connect, Math.max(minRetryMs, reconnectDelayMs(attempt)));
      minRetryMs = 0;
      attempt += 1;
    }
    publish({ status });
  }

  const heartbeat = (intervalMs: number) => {
    later(() => {
      if (env.now() - lastHeardAt > silenceLimitMs(intervalMs)) drop('reconnecting');
      else {
        api.send({ type: 'heartbeat' });
        heartbeat(intervalMs);
      }
    }, intervalMs);
  };

  const onWelcome = (frame: Frame<'welcome'>) => {
    welcomed = true;
    attempt = 0;
    clearTimers(); // the welcome timeout
    // Stops first, before anything else happens on this connection (S1).
    for (const { seq, body } of box.drain(frame.lastSeq))
      if (!write(seq, body)) box.queueStop(body);
    if (options.heartbeat) {
      api.send({ type: 'heartbeat' });
      heartbeat(heartbeatIntervalMs(frame.view.agreement.panel.heartbeatTimeoutSeconds));
    }
    const { role, view } = frame;
    publish({ status: 'open', role, view, lastEffects: [], lastError: null });
  };

  const onError = (frame: Frame<'error'>) => {
    const { code, message, seq } = frame;
    const lastError = seq === undefined ? { code, message } : { code, message, seq };
    if (!welcomed) {
      publish({ lastError });
      if (code === 'ended') drop('ended');
      else if (REFUSING_CODES.has(code)) drop('refused');
      else if (code === 'rate-limited') minRetryMs = C.RATE_LIMITED_RETRY_MS;
      return;
    }
    const body = seq === undefined ? undefined : box.settle(seq);
    if (code === 'replayed' && seq !== undefined && body !== undefined && isStopFrame(body)) {
      // Another screen used higher numbers: number the stop again and send it at once.
      const tries = (renumbered.get(seq) ?? 0) + 1;
      if (tries <= C.MAX_STOP_RENUMBERS) {
        const again = box.next();
        renumbered.set(again, tries);
        if (!write(again, body)) box.queueStop(body);
      }
    }
    publish({ lastError });
  };

  const onFrame = (frame: ServerFrame) => {
    lastHeardAt = env.now();
    switch (frame.type) {
      case 'welcome':
        onWelcome(frame);
        return;
      case 'view':
        publish({ view: frame.view, lastEffects: frame.effects });
        for (const listener of [...effectListeners]) listener(frame.effects, frame.view);
        return;
      case 'ack':
        box.settle(frame.seq);
        renumbered.delete(frame.seq);
        publish({});
        return;
      case 'error':
        onError(frame);
        return;
      case 'bye':
        // Nothing more is carried out on this socket: stops queue from here on. The close code
        // that follows says whether to come back (see onclose).
        welcomed = false;
        clearTimers();
        publish({
          status: 'reconnecting',
          lastError: { code: 'bye', message: frame.reason || 'The server closed this connection.' },
        });
        return;
    }
  };

  function connect() {
    if (closed || socket !== null) return;
    let ws: C.SocketLike;
    try {
      ws = env.createSocket(options.url);
    } catch {
      drop('reconnecting');
      return;
    }
    socket = ws;
    lastHeardAt = env.now();
    later(() => {
      if (!welcomed) drop('reconnecting');
    }, C.WELCOME_TIMEOUT_MS);
    ws.onopen = () => {
      const { sceneId, secret } = options;
      const hello: Hello = { type: 'hello', v: HELLO_VERSION, sceneId, secret };
      try {
        ws.send(JSON.stringify(hello));
      } catch {
        drop('reconnecting');
      }
    };
    ws.onmessage = (event) => {
      const frame = parseServerFrame(event.data);
      if (frame !== null) onFrame(frame);
    };
    ws.onclose = (event) => {
      switch (event.code) {
        case C.CLOSE_REPLACED:
        case C.CLOSE_UNAUTHORIZED:
          // The person chooses (retry): coming back by itself would not help, or would push the
          // other screen off in turn.
          drop('refused');
          return;
        case C.CLOSE_ENDED:
          drop('ended');
          return;
        case C.CLOSE_RATE_LIMITED:
          minRetryMs = C.RATE_LIMITED_RETRY_MS;
          drop('reconnecting');
          return;
        case C.CLOSE_GOING_AWAY:
        default:
          // The server stopped, or the network dropped: keep trying until it is back.
          drop('reconnecting');
      }
    };
    ws.onerror = () => {
      // A close event follows.
    };
  }

  const api: C.Connection = {
    send(body) {
      if (closed) return null;
      if (canWrite()) {
        const seq = box.next();
        if (write(seq, body)) {
          publish({});
          return seq;
        }
      }
      if (!isStopFrame(body)) return null;
      const queued = box.queueStop(body);
      publish({});
      return queued;
    },
    snapshot: () => snap,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    onEffects(listener) {
      effectListeners.add(listener);
      return () => {
        effectListeners.delete(listener);
      };
    },
    retry() {
      if (closed || welcomed || socket !== null) return;
      clearTimers();
      attempt = 0;
      publish({ status: 'reconnecting' });
      connect();
    },
    close() {
      closed = true;
      drop('reconnecting');
      clearTimers();
      listeners.clear();
      effectListeners.clear();
    },
  };
  connect();
  return api;
}
