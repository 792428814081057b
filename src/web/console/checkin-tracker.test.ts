import { describe, expect, it } from 'vitest';
import type { Effect } from '../../core/scene/effects';
import { checkInWords, trackCheckIn } from './checkin-tracker';

const view = (now: number, promptedAt: number | null, nextDueAt: number | null = 60_000) => ({
  now,
  checkIn: { nextDueAt, promptedAt },
  stop: null,
});
const prompt: Effect = { type: 'prompt', at: 60_000, prompt: 'check-in', to: 'submissive' };

describe('trackCheckIn', () => {
  it('records a prompt as waiting', () => {
    expect(trackCheckIn(null, view(59_000, null), view(60_000, 60_000), [prompt])).toEqual({
      at: 60_000,
      answer: 'waiting',
    });
  });

  it('reads a cleared prompt with no other news as green', () => {
    const last = { at: 60_000, answer: 'waiting' } as const;
    expect(trackCheckIn(last, view(61_000, 60_000), view(62_000, null, 122_000), [])).toEqual({
      at: 62_000,
      answer: 'green',
    });
  });

  it('reads a yellow from the receiver in the same step as yellow', () => {
    const yellow: Effect = { type: 'yellow', at: 62_000, by: 'submissive' };
    const next = trackCheckIn(null, view(61_000, 60_000), view(62_000, null, 122_000), [yellow]);
    expect(next?.answer).toBe('yellow');
  });

  it('reads a stop by red while asked as red', () => {
    const stopped = {
      ...view(62_000, null, null),
      stop: { cause: 'red', by: 'submissive', at: 62_000 },
    } as const;
    expect(trackCheckIn(null, view(61_000, 60_000), stopped, [])?.answer).toBe('red');
  });

  it('records a miss', () => {
    const missed: Effect = { type: 'checkin-missed', at: 75_000, action: 'pause' };
    expect(trackCheckIn(null, view(74_000, 60_000), view(75_000, null), [missed])).toEqual({
      at: 75_000,
      answer: 'missed',
    });
  });

  it('reads an unprompted answer from a restarted interval', () => {
    expect(trackCheckIn(null, view(30_000, null, 60_000), view(31_000, null, 91_000), [])).toEqual({
      at: 31_000,
      answer: 'green',
    });
  });

  it('keeps the last record when nothing about check-ins changed', () => {
    const last = { at: 1, answer: 'green' } as const;
    expect(trackCheckIn(last, view(1000, null), view(2000, null), [])).toBe(last);
    expect(trackCheckIn(last, null, view(2000, null), [])).toBe(last);
  });

  it('has words for every answer', () => {
    for (const a of ['waiting', 'green', 'yellow', 'red', 'missed'] as const)
      expect(checkInWords(a).length).toBeGreaterThan(0);
  });
});
