import { describe, expect, it } from 'vitest';
import { runningRuntime } from './runtime-scene';

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
});
