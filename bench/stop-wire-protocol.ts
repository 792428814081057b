/**
 * Messages between the `stop` benchmark (parent) and its server process (child,
 * stop-wire-servers.ts), over Node's IPC channel. Times are the child's `performance.now()` (ms);
 * the child's `timeOrigin` comes once with `ready`, so the parent puts them on the shared wall
 * clock `performance.timeOrigin + performance.now()` (see stop-wire.ts for why that is
 * comparable across the two processes, and how it is checked). Sent apart, rather than summed,
 * to keep sub-microsecond precision: a double near 1.7e12 ms only resolves 0.24 µs.
 */
export type ToServers =
  /** Start this many simulated Buttplug servers (one client each) and an echo server. */
  | { type: 'start'; servers: number }
  /** Report how many frames each server has received so far. */
  | { type: 'counts' }
  /** Close every server and exit. */
  | { type: 'close' };

export type FromServers =
  | { type: 'ready'; urls: string[]; echoUrl: string; timeOrigin: number }
  /** A StopCmd arrived at server `server`; `at` is the server's receivedAt (its performance.now()). */
  | { type: 'stop'; server: number; at: number }
  | {
      type: 'counts';
      /** OutputCmd frames received, per server. */
      outputs: number[];
      /** Frames the server refused as invalid spec v4, over all servers. */
      invalid: number;
    }
  | { type: 'closed' }
  | { type: 'error'; message: string };

/** The echo server's reply to a probe: the probe's own send time and the child's receive time (its performance.now()). */
export type EchoReply = { sent: number; received: number };
