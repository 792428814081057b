import { describe, expect, it } from 'vitest';
import { makeView } from '../test-support/view.test-support';
import { checkInOpen, frameFor, showsYellowAndGreen, waitingForGreen } from './actions';

const prompted = makeView({ checkIn: { nextDueAt: null, promptedAt: 9_000 } });

describe('panel buttons', () => {
  it('S4: red is a red safeword outside a check-in, even with no view yet', () => {
    expect(frameFor('red', makeView())).toEqual({ type: 'safeword', word: 'red' });
    expect(frameFor('red', null)).toEqual({ type: 'safeword', word: 'red' });
    for (const phase of ['setup', 'warm-up', 'stopped', 'aftercare', 'closed'] as const)
      expect(frameFor('red', makeView({ phase }))).toEqual({ type: 'safeword', word: 'red' });
  });

  it('answers an open check-in with all three buttons', () => {
    expect(checkInOpen(prompted)).toBe(true);
    expect(frameFor('red', prompted)).toEqual({ type: 'checkin', answer: 'red' });
    expect(frameFor('yellow', prompted)).toEqual({ type: 'checkin', answer: 'yellow' });
    expect(frameFor('green', prompted)).toEqual({ type: 'checkin', answer: 'green' });
  });

  it('S6: outside a check-in, yellow slows down and green is the fresh green', () => {
    expect(frameFor('yellow', makeView())).toEqual({ type: 'safeword', word: 'yellow' });
    expect(frameFor('green', makeView({ yellow: true }))).toEqual({
      type: 'checkin',
      answer: 'green',
    });
  });

  it('keeps yellow and green until the scene has stopped', () => {
    expect(showsYellowAndGreen(null)).toBe(true);
    expect(showsYellowAndGreen(makeView({ phase: 'setup' }))).toBe(true);
    expect(showsYellowAndGreen(makeView({ phase: 'post-orgasm' }))).toBe(true);
    expect(showsYellowAndGreen(makeView({ phase: 'stopped' }))).toBe(false);
  });

  it('says when the scene waits for green', () => {
    expect(waitingForGreen(makeView())).toBeNull();
    expect(waitingForGreen(makeView({ yellow: true }))).toBe('yellow');
    expect(waitingForGreen(makeView({ paused: 'checkin-missed' }))).toBe('paused');
    expect(waitingForGreen(makeView({ yellow: true, phase: 'aftercare' }))).toBeNull();
  });
});
