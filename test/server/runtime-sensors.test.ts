import { describe, expect, it } from 'vitest';
import { pairAgreement } from '../fixtures/agreements';
import { runningRuntime } from './runtime-scene';

/** A running scene whose agreement maps distress (heart rate > 150 for 10 s) to red. */
const runningScene = () =>
  runningRuntime({
    ...pairAgreement,
    restraint: { used: false, checkIntervalSeconds: null },
    detection: {
      sensorOrgasm: 'ask-dominant',
      distress: { hrCeilingBpm: 150, sustainSeconds: 10, action: 'red' },
    },
  });

describe('sensors in a live scene', () => {
  it('[S1] heart rate above the agreed ceiling for the agreed time stops the scene (distress), stop first', async () => {
    const s = await runningScene();
    s.calls.length = 0;
    for (let i = 0; i < 12; i++) {
      s.advance(1000);
      await s.send('submissive', { type: 'heartbeat' });
      await s.send('submissive', { type: 'reading', kind: 'heart-rate', bpm: 175 });
    }
    expect(s.runtime.state().stop).toMatchObject({ cause: 'distress', by: 'sensor' });
    expect(s.calls[0]).toBe('stopAll');
    expect(s.runtime.view().heartRate?.bpm).toBe(175);
    s.runtime.dispose();
  });

  it('a heart rate that comes back under the ceiling in time stops nothing', async () => {
    const s = await runningScene();
    for (let i = 0; i < 20; i++) {
      s.advance(1000);
      await s.send('submissive', { type: 'heartbeat' });
      await s.send('submissive', {
        type: 'reading',
        kind: 'heart-rate',
        bpm: i % 8 === 7 ? 140 : 175,
      });
    }
    expect(s.runtime.state().stop).toBeNull();
    s.runtime.dispose();
  });

  it('pressure readings reach the view', async () => {
    const s = await runningScene();
    s.advance(100);
    s.runtime.pressure(812);
    expect(s.runtime.view().pressure).toEqual({ value: 812, at: s.runtime.view().now });
    s.runtime.dispose();
  });
});
