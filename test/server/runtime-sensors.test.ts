import { describe, expect, it } from 'vitest';
import type { ClientFrameBody, Role } from '../../src/protocol/frames';
import { createMemoryEventLog } from '../../src/server/event-log';
import { createSceneClock } from '../../src/server/scene-clock';
import { createSceneRuntime } from '../../src/server/scenes/scene-runtime';
import { devices, pairAgreement } from '../fixtures/agreements';

const yieldOnce = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A running scene whose agreement maps distress (heart rate > 150 for 10 s) to red. */
async function runningScene() {
  let now = 0;
  const calls: string[] = [];
  const runtime = createSceneRuntime({
    created: {
      type: 'scene.created',
      at: 0,
      sceneId: 's',
      agreement: {
        ...pairAgreement,
        restraint: { used: false, checkIntervalSeconds: null },
        detection: {
          sensorOrgasm: 'ask-dominant',
          distress: { hrCeilingBpm: 150, sustainSeconds: 10, action: 'red' },
        },
      },
      devices,
    },
    log: createMemoryEventLog(),
    devices: { stopAll: () => calls.push('stopAll'), setOutput: () => undefined },
    confirmStop: () => Promise.resolve({ ok: true }),
    devicesConnected: () => true,
    otherSceneActive: () => false,
    clock: createSceneClock(() => now),
    report: () => undefined,
  });
  runtime.attach('dominant', { send: () => undefined, close: () => undefined });
  runtime.attach('submissive', { send: () => undefined, close: () => undefined });
  let seq = 0;
  const send = async (role: Role, body: ClientFrameBody) => {
    runtime.handle(role, { ...body, seq: ++seq }, () => undefined);
    await yieldOnce();
  };
  await send('submissive', { type: 'heartbeat' });
  for (const item of ['lubricant', 'water', 'blanket'] as const)
    await send('dominant', { type: 'setup.check', item, done: true });
  await send('submissive', { type: 'stop.test' });
  await send('dominant', { type: 'start' });
  expect(runtime.state().phase).toBe('warm-up');
  return { runtime, calls, send, advance: (ms: number) => (now += ms) };
}

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
