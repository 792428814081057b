import { templateAgreement } from '../../src/core';
import type { EventLog } from '../../src/server/event-log';
import { createSceneClock } from '../../src/server/scene-clock';
import { createSceneRuntime, type SceneRuntime } from '../../src/server/scenes/scene-runtime';
import { devices } from '../fixtures/agreements';

/**
 * One scene for two (the cautious template on the fixture's devices) in a runtime whose device
 * port records each call in order (`stopAll`, `set device/feature value`), on `log`, with a clock
 * moved by hand and both screens attached (they drop what they are sent). For property tests of
 * the runtime.
 */
export function recordingRuntime(log: EventLog): {
  runtime: SceneRuntime;
  calls: string[];
  advance: (ms: number) => number;
} {
  let now = 0;
  const calls: string[] = [];
  const agreement = templateAgreement({
    mode: 'pair',
    names: { dominant: 'A', submissive: 'B' },
    devices,
  });
  const runtime = createSceneRuntime({
    created: { type: 'scene.created', at: 0, sceneId: 's', agreement, devices },
    log,
    devices: {
      stopAll: () => calls.push('stopAll'),
      setOutput: (device, feature, value) => calls.push(`set ${device}/${feature} ${value}`),
    },
    confirmStop: () => Promise.resolve({ ok: true }),
    devicesConnected: () => true,
    otherSceneActive: () => false,
    clock: createSceneClock(() => now),
    report: () => undefined,
  });
  for (const role of ['dominant', 'submissive'] as const)
    runtime.attach(role, { send: () => undefined, close: () => undefined });
  return { runtime, calls, advance: (ms) => (now += ms) };
}
