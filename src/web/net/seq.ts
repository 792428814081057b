/**
 * Sequence numbers for one participant's frames. The server refuses any seq not greater than
 * every seq this participant used before ('replayed'), across every connection and screen, so the
 * counter only ever rises: it starts after the larger of what this browser remembers and what the
 * server's welcome says, and a number handed out is never handed out again.
 */
export type SeqCounter = {
  /** The next unused number. */
  next(): number;
  /** Learns that `seq` was already used somewhere (a welcome's lastSeq, a 'replayed' refusal). */
  observe(seq: number): void;
  /** The last number handed out or observed. */
  last(): number;
};

const valid = (n: number) => Number.isSafeInteger(n) && n >= 0;

export function createSeqCounter(initial = 0): SeqCounter {
  let last = valid(initial) ? initial : 0;
  return {
    next() {
      last += 1;
      return last;
    },
    observe(seq) {
      if (valid(seq) && seq > last) last = seq;
    },
    last: () => last,
  };
}
