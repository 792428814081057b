import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { driveInRealTime, type Schedule } from './realtime-driver';
import { createSceneClock } from './scene-clock';

/** A schedule of single items at fixed times, recording the stamp each ran with. */
function itemsAt(times: readonly number[]) {
  const ran: { due: number; at: number }[] = [];
  let next = 0;
  const schedule: Schedule = {
    next: () => times[next] ?? Number.POSITIVE_INFINITY,
    run(due, at) {
      next += 1;
      ran.push({ due, at });
    },
  };
  return { schedule, ran };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

// Date.now is faked along with the timers, so the clock moves only when the test moves it.
const fakeClock = () => createSceneClock(() => Date.now());

describe('driveInRealTime', () => {
  it('runs each item when the clock reaches it, stamped with the clock, never earlier', async () => {
    const { schedule, ran } = itemsAt([0, 0, 250, 1000]);
    const run = driveInRealTime(schedule, { clock: fakeClock(), untilMs: 5000, done: () => false });
    expect(ran).toEqual([
      { due: 0, at: 0 },
      { due: 0, at: 0 },
    ]);
    await vi.advanceTimersByTimeAsync(249);
    expect(ran).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran.at(-1)).toEqual({ due: 250, at: 250 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(ran.at(-1)).toEqual({ due: 1000, at: 1000 });
    await expect(run.ended).resolves.toBe('until');
  });

  it('runs late items in order as soon as it can, stamped with the real time', async () => {
    const { schedule, ran } = itemsAt([100, 200, 300]);
    let elapsed = 0;
    const clock = createSceneClock(() => elapsed);
    driveInRealTime(schedule, { clock, untilMs: 1000, done: () => false });
    // The event loop was busy: by the time the first timer fires, 450 ms have passed.
    elapsed = 450;
    await vi.advanceTimersByTimeAsync(100);
    expect(ran.map((r) => r.due)).toEqual([100, 200, 300]);
    for (const r of ran) expect(r.at).toBeGreaterThanOrEqual(450);
  });

  it('[S1] stops scheduling the moment done() is true', async () => {
    const { schedule, ran } = itemsAt([0, 100, 200, 300]);
    let stopped = false;
    const run = driveInRealTime(schedule, {
      clock: fakeClock(),
      untilMs: 10_000,
      done: () => stopped,
    });
    await vi.advanceTimersByTimeAsync(150);
    stopped = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(ran.map((r) => r.due)).toEqual([0, 100]);
    await expect(run.ended).resolves.toBe('done');
  });

  it('check() ends the run at once when something outside the schedule stopped the scene', async () => {
    const { schedule } = itemsAt([0, 10_000]);
    let stopped = false;
    const run = driveInRealTime(schedule, {
      clock: fakeClock(),
      untilMs: 20_000,
      done: () => stopped,
    });
    stopped = true;
    run.check();
    await expect(run.ended).resolves.toBe('done');
  });

  it('cancel() ends the run and nothing more runs', async () => {
    const { schedule, ran } = itemsAt([0, 100]);
    const run = driveInRealTime(schedule, { clock: fakeClock(), untilMs: 1000, done: () => false });
    run.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(ran).toHaveLength(1);
    await expect(run.ended).resolves.toBe('cancelled');
  });

  it('ends when untilMs passes, having run what was due at it', async () => {
    const { schedule, ran } = itemsAt([0, 500, 501]);
    const run = driveInRealTime(schedule, { clock: fakeClock(), untilMs: 500, done: () => false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(ran.map((r) => r.due)).toEqual([0, 500]);
    await expect(run.ended).resolves.toBe('until');
  });

  it('a schedule that throws (a bug) rejects the run instead of running on', async () => {
    const schedule: Schedule = {
      next: () => 0,
      run: () => {
        throw new Error('broken');
      },
    };
    const run = driveInRealTime(schedule, { clock: fakeClock(), untilMs: 100, done: () => false });
    await expect(run.ended).rejects.toThrow('broken');
  });
});

describe('createSceneClock', () => {
  it('counts whole milliseconds from its creation and never goes back', () => {
    const readings = [1000.4, 1000.9, 1250.7, 1200];
    const clock = createSceneClock(() => readings.shift() ?? 0);
    expect([clock.now(), clock.now(), clock.now()]).toEqual([0, 250, 250]);
  });
});
