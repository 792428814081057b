import type { ClientFrameBody } from '../../protocol/frames';
import { createSeqCounter } from './seq';
import { isStopFrame, stopKey } from './stop-frames';

export type Numbered = Readonly<{ seq: number; body: ClientFrameBody }>;

/**
 * The bookkeeping of one participant's frames, with no socket and no timer: their numbers (each
 * greater than any used before, never reused), the frames sent and not yet answered, and the
 * stops that wait for the next welcome.
 */
export type Outbox = {
  /** A fresh number for a frame about to be written. */
  next(): number;
  /** The frame went out on the socket. */
  sent(seq: number, body: ClientFrameBody): void;
  /** An ack or an error answered the frame; returns it if it was still pending. */
  settle(seq: number): ClientFrameBody | undefined;
  isPending(seq: number): boolean;
  /** Keeps a stop for the next welcome (one of each kind: a stop is idempotent); its seq. */
  queueStop(body: ClientFrameBody): number;
  /**
   * A welcome arrived: learns the server's lastSeq and hands back the queued stops, numbered so
   * that each is greater than everything used before it, in the order they were pressed.
   */
  drain(lastSeq: number): Numbered[];
  /** A socket was lost: stops in flight wait for the next welcome, the rest is forgotten. */
  lose(): void;
  pending(): number[];
  queued(): number;
};

export function createOutbox(storedLastSeq: number): Outbox {
  const counter = createSeqCounter(storedLastSeq);
  const inFlight = new Map<number, ClientFrameBody>();
  let queue: Numbered[] = [];
  let lastWritten = 0;

  const queueStop = (body: ClientFrameBody): number => {
    const key = stopKey(body);
    const waiting = queue.find((q) => stopKey(q.body) === key);
    if (waiting !== undefined) return waiting.seq;
    const seq = counter.next();
    queue = [...queue, { seq, body }];
    return seq;
  };

  return {
    next: () => counter.next(),
    sent(seq, body) {
      lastWritten = Math.max(lastWritten, seq);
      inFlight.set(seq, body);
    },
    settle(seq) {
      const body = inFlight.get(seq);
      inFlight.delete(seq);
      return body;
    },
    isPending: (seq) => inFlight.has(seq),
    queueStop,
    drain(lastSeq) {
      counter.observe(lastSeq);
      let floor = Math.max(lastSeq, lastWritten);
      const out = queue.map((q) => {
        // Keep the number reserved at the press unless something newer was used meanwhile.
        const seq = q.seq > floor ? q.seq : counter.next();
        floor = seq;
        return { seq, body: q.body };
      });
      queue = [];
      return out;
    },
    lose() {
      for (const body of inFlight.values()) if (isStopFrame(body)) queueStop(body);
      inFlight.clear();
    },
    pending: () => [...inFlight.keys()],
    queued: () => queue.length,
  };
}
