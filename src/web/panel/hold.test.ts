import { describe, expect, it } from 'vitest';
import {
  graceLeftMs,
  INITIAL_HOLD,
  resyncSignal,
  stepHold,
  type HoldEvent,
  type HoldState,
} from './hold';

function run(events: HoldEvent[], from: HoldState = INITIAL_HOLD) {
  let state = from;
  const sent: string[] = [];
  for (const e of events) {
    const step = stepHold(state, e);
    state = step.state;
    if (step.send !== null) sent.push(step.send);
  }
  return { state, sent };
}

describe('hold to continue', () => {
  it('sends held on press and released on release of the same finger', () => {
    const { state, sent } = run([
      { type: 'press', pointerId: 1, at: 0 },
      { type: 'release', pointerId: 1, at: 500 },
    ]);
    expect(sent).toEqual(['held', 'released']);
    expect(state).toEqual({ held: false, pointerId: null, releasedAt: 500 });
  });

  it('ignores a second finger and its release', () => {
    const { state, sent } = run([
      { type: 'press', pointerId: 1, at: 0 },
      { type: 'press', pointerId: 2, at: 10 },
      { type: 'release', pointerId: 2, at: 20 },
    ]);
    expect(sent).toEqual(['held']);
    expect(state.held).toBe(true);
  });

  it.each(['cancel', 'hidden', 'blur'] as const)('counts %s as letting go', (type) => {
    const { sent, state } = run([
      { type: 'press', pointerId: 1, at: 0 },
      { type, at: 30 },
    ]);
    expect(sent).toEqual(['held', 'released']);
    expect(state.releasedAt).toBe(30);
  });

  it('sends nothing twice', () => {
    const { sent } = run([
      { type: 'release', pointerId: 1, at: 0 },
      { type: 'press', pointerId: 1, at: 1 },
      { type: 'release', pointerId: 1, at: 2 },
      { type: 'release', pointerId: 1, at: 3 },
      { type: 'hidden', at: 4 },
    ]);
    expect(sent).toEqual(['held', 'released']);
  });

  it('tells the server how the hold is after a reconnect', () => {
    expect(resyncSignal(INITIAL_HOLD)).toBe('released');
    expect(resyncSignal(run([{ type: 'press', pointerId: 1, at: 0 }]).state)).toBe('held');
  });

  it('counts down the grace after a release, within 0..grace', () => {
    const released = run([
      { type: 'press', pointerId: 1, at: 0 },
      { type: 'release', pointerId: 1, at: 1000 },
    ]).state;
    expect(graceLeftMs(released, 2000, 1500)).toBe(1500);
    expect(graceLeftMs(released, 2000, 5000)).toBe(0);
    expect(graceLeftMs(released, 2000, 0)).toBe(2000);
    expect(graceLeftMs(INITIAL_HOLD, 2000, 0)).toBeNull();
  });
});
