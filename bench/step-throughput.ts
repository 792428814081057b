import { createScene, step, type SceneEvent, type SceneState } from '../src/core';
import { created } from '../test/fixtures/agreements';

/**
 * How many events a second the core folds (ticks and heartbeats of a running scene): the
 * headroom the per-scene loop has, and how fast a long log replays.
 */
export function stepThroughput(events: number): { eventsPerSecond: number; events: number } {
  let state: SceneState = createScene(created()).state;
  const feed = (e: SceneEvent) => {
    state = step(state, e).state;
  };
  feed({ type: 'panel.heartbeat', at: 0, by: 'submissive' });
  feed({ type: 'scene.start', at: 0, by: 'dominant' });
  feed({
    type: 'intensity.requested',
    at: 0,
    by: 'dominant',
    device: 'wand',
    feature: 'vibrate',
    value: 0.7,
  });
  const start = performance.now();
  for (let i = 1; i <= events; i++) {
    const at = i * 50;
    if (i % 20 === 0) feed({ type: 'panel.heartbeat', at, by: 'submissive' });
    else if (i % 600 === 0)
      feed({ type: 'checkin.answered', at, by: 'submissive', answer: 'green' });
    else feed({ type: 'tick', at });
  }
  const seconds = (performance.now() - start) / 1000;
  return { eventsPerSecond: Math.round(events / seconds), events };
}
