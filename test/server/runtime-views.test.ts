import { describe, expect, it } from 'vitest';
import type { ViewPacer } from '../../src/server/scenes/view-pacer';
import { runningRuntime } from './runtime-scene';

/** A pacer that runs the waiting views only when the test says so. */
function manualPacer() {
  const waits = new Map<() => void, number>();
  const pacer: ViewPacer = {
    wait: (run, dueAt) => waits.set(run, dueAt),
    cancel: (run) => waits.delete(run),
  };
  const fire = () => {
    for (const run of [...waits.keys()]) {
      waits.delete(run);
      run();
    }
  };
  return { pacer, waits, fire };
}

describe('views of a live scene', () => {
  it('carry the core’s decisions but not the outputs’ moves, which their levels show', async () => {
    const { runtime, frames, send, advance } = await runningRuntime();
    const seen = frames.dominant;
    const views = () => seen.flatMap((f) => (f.type === 'view' ? [f] : []));
    const started = views().length;
    let moved = 0;
    for (let i = 1; i <= 20; i++) {
      advance(500);
      await send('submissive', { type: 'heartbeat' });
      await send('dominant', { type: 'intensity', device: 'wand', feature: 'vibrate', value: 0.3 });
      const level = views().at(-1)?.view.applied['wand/vibrate'] ?? 0;
      if (level > 0) moved += 1;
    }
    // The levels rose along the ramp, view after view, and not one view listed an output move.
    expect(moved).toBeGreaterThan(10);
    expect(views().length).toBeGreaterThan(started + 20);
    expect(
      views()
        .flatMap((f) => f.effects)
        .filter((e) => e.type === 'output'),
    ).toEqual([]);

    await send('submissive', { type: 'safeword', word: 'red' });
    const last = views().at(-1);
    expect(last?.view.stop).toMatchObject({ cause: 'red', by: 'submissive' });
    expect(last?.effects.map((e) => e.type)).toEqual(['stop-all', 'stop', 'phase']);
    expect(Object.values(last?.view.applied ?? {})).toEqual([0, 0, 0, 0]);
    runtime.dispose();
  });

  it('[S1] wait their turn when they only move outputs, while a stop’s view goes at once', async () => {
    const { pacer, waits, fire } = manualPacer();
    // A pace no test run can outlast: every view that only moves outputs waits for the pacer.
    const { runtime, frames, send } = await runningRuntime(undefined, {
      viewEveryMs: 3_600_000,
      viewPacer: pacer,
    });
    const views = () => frames.submissive.flatMap((f) => (f.type === 'view' ? [f] : []));
    const before = views().length;
    await send('dominant', { type: 'intensity', device: 'wand', feature: 'vibrate', value: 0.3 });
    await send('dominant', { type: 'intensity', device: 'duo', feature: 'vibrate', value: 0.2 });
    expect(views()).toHaveLength(before);
    expect(waits.size).toBe(1);
    // Its turn: one view, with both moves in it.
    fire();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(views()).toHaveLength(before + 1);
    expect(views().at(-1)?.view.requested).toMatchObject({
      'wand/vibrate': 0.3,
      'duo/vibrate': 0.2,
    });
    await send('dominant', { type: 'intensity', device: 'wand', feature: 'vibrate', value: 0.5 });
    expect(views()).toHaveLength(before + 1);
    expect(waits.size).toBe(1);

    await send('submissive', { type: 'safeword', word: 'red' });
    expect(views()).toHaveLength(before + 2);
    expect(views().at(-1)?.view.stop).toMatchObject({ cause: 'red' });
    expect(waits.size).toBe(0);
    runtime.dispose();
  });
});
