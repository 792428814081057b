import type { Agreement } from '../../src/core';
import type { ClientFrameBody, Role } from '../../src/protocol/frames';
import { createMemoryEventLog } from '../../src/server/event-log';
import { pairAgreement } from '../fixtures/agreements';
import type { SceneRuntimeOptions } from '../../src/server/scenes/scene-runtime';
import { recordingRuntime } from '../support/recording-runtime';

const yieldOnce = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A scene runtime on an in-memory log (`recordingRuntime`: device calls and screens' frames
 * recorded, the clock moved by hand), set up as the screens do it (heartbeat, every checklist
 * item, test stop, start): in its warm-up when this resolves.
 */
export async function runningRuntime(
  agreement: Agreement = pairAgreement,
  more: Pick<SceneRuntimeOptions, 'viewEveryMs' | 'viewPacer'> = {},
) {
  const recorded = recordingRuntime(createMemoryEventLog(), agreement, more);
  const { runtime } = recorded;
  let seq = 0;
  /** Sends a frame as a screen would, then lets the process yield once (the commit, the view). */
  const send = async (role: Role, body: ClientFrameBody) => {
    runtime.handle(role, { ...body, seq: ++seq }, () => undefined);
    await yieldOnce();
  };
  await send('submissive', { type: 'heartbeat' });
  for (const item of runtime.view().setup.checklist)
    await send('dominant', { type: 'setup.check', item, done: true });
  await send('submissive', { type: 'stop.test' });
  await send('dominant', { type: 'start' });
  if (runtime.state().phase !== 'warm-up') throw new Error('the scene did not start');
  return { ...recorded, send };
}
