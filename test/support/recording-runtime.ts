import { templateAgreement, type Agreement } from '../../src/core';
import type { Role } from '../../src/protocol/frames';
import type { ServerFrame } from '../../src/protocol/view';
import type { EventLog } from '../../src/server/event-log';
import { createSceneClock } from '../../src/server/scene-clock';
import {
  createSceneRuntime,
  type SceneRuntime,
  type SceneRuntimeOptions,
} from '../../src/server/scenes/scene-runtime';
import { devices } from '../fixtures/agreements';

/**
 * One scene for two (by default the cautious template on the fixture's devices) in a runtime
 * whose device port records each call in order (`stopAll`, `set device/feature value`), on `log`,
 * with a clock moved by hand and both screens attached (`frames`: what each was sent).
 */
export function recordingRuntime(
  log: EventLog,
  agreement: Agreement = templateAgreement({
    mode: 'pair',
    names: { dominant: 'A', submissive: 'B' },
    devices,
  }),
  /** Options of the runtime to set as well (view pacing). */
  more: Pick<SceneRuntimeOptions, 'viewEveryMs' | 'viewPacer'> = {},
): {
  runtime: SceneRuntime;
  calls: string[];
  frames: Record<Role, ServerFrame[]>;
  advance: (ms: number) => number;
} {
  let now = 0;
  const calls: string[] = [];
  const frames: Record<Role, ServerFrame[]> = { dominant: [], submissive: [] };
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
    ...more,
  });
  for (const role of ['dominant', 'submissive'] as const)
    runtime.attach(role, { send: (frame) => frames[role].push(frame), close: () => undefined });
  return { runtime, calls, frames, advance: (ms) => (now += ms) };
}
