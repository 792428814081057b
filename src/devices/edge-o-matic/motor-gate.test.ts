import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock';
import { createMotorGate } from './motor-gate';

function setUp(minIntervalMs = 50) {
  const clock = createManualClock();
  const written: { speed: number; at: number }[] = [];
  const gate = createMotorGate({
    minIntervalMs,
    now: clock.now,
    timers: clock.timers,
    write: (speed) => written.push({ speed, at: clock.now() }),
  });
  return { clock, gate, written, speeds: () => written.map((w) => w.speed) };
}

describe('the motor gate', () => {
  it('sends the first speed at once', () => {
    const { gate, written } = setUp();
    gate.set(100);
    expect(written).toEqual([{ speed: 100, at: 0 }]);
  });

  it('never sends a repeat of an unchanged speed', () => {
    const { clock, gate, speeds } = setUp();
    gate.set(100);
    clock.advance(60);
    gate.set(100);
    clock.advance(60);
    gate.set(100);
    expect(speeds()).toEqual([100]);
  });

  it('sends at most one command per interval, coalescing to the latest speed', () => {
    const { clock, gate, written } = setUp(50);
    gate.set(10);
    clock.advance(10);
    gate.set(20);
    gate.set(30);
    gate.set(40);
    expect(written).toHaveLength(1);
    clock.advance(40);
    expect(written).toEqual([
      { speed: 10, at: 0 },
      { speed: 40, at: 50 },
    ]);
    clock.advance(1000);
    expect(written).toHaveLength(2);
  });

  it('drops a held speed that came back to what the motor already runs at', () => {
    const { clock, gate, speeds } = setUp();
    gate.set(10);
    gate.set(20);
    gate.set(10);
    clock.advance(100);
    expect(speeds()).toEqual([10]);
  });

  it('spaces a steady stream of changes one interval apart', () => {
    const { clock, gate, written } = setUp(50);
    for (let t = 0; t < 500; t += 5) {
      gate.set(t % 256);
      clock.advance(5);
    }
    const gaps = written.slice(1).map((w, i) => w.at - (written[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(50);
    expect(written.length).toBeGreaterThanOrEqual(9);
  });

  it('S1: stop writes 0 at once, past the rate limit, and cancels any held speed', () => {
    const { clock, gate, written } = setUp(50);
    gate.set(200);
    gate.set(250);
    gate.stop();
    expect(written).toEqual([
      { speed: 200, at: 0 },
      { speed: 0, at: 0 },
    ]);
    clock.advance(1000);
    expect(written).toHaveLength(2);
    expect(clock.pendingCount()).toBe(0);
  });

  it('S1: stop is sent even when the motor is already at 0 (no dedupe for a stop)', () => {
    const { gate, speeds } = setUp();
    gate.stop();
    gate.stop();
    gate.set(0);
    expect(speeds()).toEqual([0, 0]);
  });

  it('a stop counts as a command for the rate limit that follows it', () => {
    const { clock, gate, written } = setUp(50);
    gate.stop();
    gate.set(30);
    expect(written).toHaveLength(1);
    clock.advance(50);
    expect(written).toEqual([
      { speed: 0, at: 0 },
      { speed: 30, at: 50 },
    ]);
  });

  it('S6: after forget, nothing held is sent and the next speed goes out even if it repeats', () => {
    const { clock, gate, speeds } = setUp(50);
    gate.set(100);
    gate.set(120);
    gate.forget();
    clock.advance(1000);
    expect(speeds()).toEqual([100]);
    gate.assume(0);
    gate.set(100);
    clock.advance(50);
    expect(speeds()).toEqual([100, 100]);
  });
});
