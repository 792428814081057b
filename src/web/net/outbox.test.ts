import { describe, expect, it } from 'vitest';
import { createOutbox } from './outbox';

const red = { type: 'safeword', word: 'red' } as const;
const checkinRed = { type: 'checkin', answer: 'red' } as const;
const yellow = { type: 'safeword', word: 'yellow' } as const;

describe('outbox', () => {
  it('numbers after what this browser remembers', () => {
    expect(createOutbox(7).next()).toBe(8);
  });

  it('keeps a frame pending until it is settled', () => {
    const box = createOutbox(0);
    const seq = box.next();
    box.sent(seq, yellow);
    expect(box.pending()).toEqual([seq]);
    expect(box.settle(seq)).toEqual(yellow);
    expect(box.isPending(seq)).toBe(false);
    expect(box.settle(seq)).toBeUndefined();
  });

  it('queues one stop of each kind', () => {
    const box = createOutbox(0);
    const a = box.queueStop(red);
    expect(box.queueStop(red)).toBe(a);
    box.queueStop(checkinRed);
    expect(box.queued()).toBe(2);
  });

  it('hands queued stops out after the welcome, in order, each above the last seq used', () => {
    const box = createOutbox(0);
    box.queueStop(red); // reserves 1
    box.queueStop(checkinRed); // reserves 2
    const out = box.drain(1); // the server already saw 1 (another screen used it)
    expect(out.map((o) => o.body)).toEqual([red, checkinRed]);
    const seqs = out.map((o) => o.seq);
    expect(seqs[0]).toBeGreaterThan(1);
    expect(seqs[1]).toBeGreaterThan(seqs[0] ?? 0);
    expect(box.queued()).toBe(0);
    expect(box.next()).toBeGreaterThan(seqs[1] ?? 0);
  });

  it('keeps the reserved numbers when nothing newer was used', () => {
    const box = createOutbox(10);
    const seq = box.queueStop(red);
    expect(box.drain(10)).toEqual([{ seq, body: red }]);
  });

  it('puts unanswered stops back in the queue when the socket is lost, and forgets the rest', () => {
    const box = createOutbox(0);
    const s1 = box.next();
    box.sent(s1, red);
    const s2 = box.next();
    box.sent(s2, yellow);
    box.lose();
    expect(box.pending()).toEqual([]);
    expect(box.queued()).toBe(1);
    const [again] = box.drain(s2);
    expect(again?.body).toEqual(red);
    expect(again?.seq).toBeGreaterThan(s2);
  });

  it('never hands out a number twice across drains and losses', () => {
    const box = createOutbox(0);
    const seen: number[] = [];
    for (let round = 0; round < 20; round++) {
      box.queueStop(round % 2 === 0 ? red : checkinRed);
      for (const { seq, body } of box.drain(round * 3)) {
        seen.push(seq);
        box.sent(seq, body);
      }
      const seq = box.next();
      seen.push(seq);
      box.sent(seq, red);
      box.lose();
    }
    expect(new Set(seen).size).toBe(seen.length);
    const sorted = [...seen].sort((a, b) => a - b);
    expect(seen).toEqual(sorted);
  });
});
