import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { senderRefusal, type SceneEvent } from '../../src/core';
import type { ClientFrameBody, Role } from '../../src/protocol/frames';
import type { ServerFrame } from '../../src/protocol/view';
import { createMemoryEventLog } from '../../src/server/event-log';
import { frameEvent, isLocalFrame } from '../../src/server/scenes/frame-events';
import { stepArb } from '../support/frame-arbitraries';
import { expectCoverage, params } from '../support/property';
import { recordingRuntime } from '../support/recording-runtime';

const yieldOnce = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One scene's runtime with recording ports and a clock moved by hand. */
function harness() {
  const log = createMemoryEventLog();
  const { runtime, calls, advance } = recordingRuntime(log);
  const answers: ServerFrame[] = [];
  let seq = 0;
  const send = async (role: Role, body: ClientFrameBody) => {
    seq += 1;
    const mine = seq;
    runtime.handle(role, { ...body, seq: mine }, (f) => {
      answers.push(f);
      if (f.type === 'ack') calls.push(`ack ${mine}`);
    });
    await yieldOnce();
    await yieldOnce();
    return answers.filter((a) => (a.type === 'ack' || a.type === 'error') && a.seq === mine);
  };
  return { runtime, calls, log, send, advance };
}

describe('a scene runtime under random frames from both screens', () => {
  it('[S1] [S4] [P2] every frame gets one answer; a refused frame changes nothing; the panel’s red always stops, stop first', async () => {
    const run = params(40);
    let forbidden = 0;
    let redsWhileActive = 0;
    let redsAfterOrgasm = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('none', 'start', 'orgasm'),
        async (steps, prologue) => {
          const h = harness();
          try {
            if (prologue !== 'none') {
              // A prologue that reaches warm-up often, so reds land in active phases too.
              await h.send('submissive', { type: 'heartbeat' });
              for (const item of ['lubricant', 'water', 'blanket'] as const)
                await h.send('dominant', { type: 'setup.check', item, done: true });
              await h.send('submissive', { type: 'stop.test' });
              await h.send('dominant', { type: 'start' });
            }
            for (const step of steps) {
              h.advance(step.afterMs);
              const before = h.log.events().length;
              const answers = await h.send(step.role, step.body);
              expect(answers).toHaveLength(1);
              // A refused frame changes nothing, not even the log.
              if (answers[0]?.type === 'error') {
                refused += 1;
                expect(h.log.events().length).toBe(before);
              }
              if (!isLocalFrame({ ...step.body, seq: 1 })) {
                const event = frameEvent(
                  { ...step.body, seq: 1 } as never,
                  step.role,
                  0,
                ) as Exclude<SceneEvent, { type: 'scene.created' | 'tick' }>;
                if (senderRefusal('pair', event.type, step.role) !== null) {
                  forbidden += 1;
                  expect(answers[0]).toMatchObject({ type: 'error', code: 'forbidden' });
                  expect(h.log.events().length).toBe(before);
                }
              }
            }
            const phase = h.runtime.state().phase;
            const active = ['warm-up', 'play', 'orgasm', 'post-orgasm'].includes(phase);
            if (active && h.runtime.state().stop === null) redsWhileActive += 1;
            if (phase === 'orgasm' || phase === 'post-orgasm') redsAfterOrgasm += 1;
            h.calls.length = 0;
            const answers = await h.send('submissive', { type: 'safeword', word: 'red' });
            expect(answers[0]?.type).toBe('ack');
            const s = h.runtime.state();
            expect(s.stop !== null || s.phase === 'closed').toBe(true);
            if (active) expect(h.calls[0]).toBe('stopAll');
            // After the red nothing but zero reaches a device.
            for (const call of h.calls)
              if (call.startsWith('set ')) expect(call.endsWith(' 0')).toBe(true);
          } finally {
            h.runtime.dispose();
          }
        },
      ),
      run,
    );
    expectCoverage('forbidden frames', forbidden, run, 1);
    expectCoverage('refused frames', refused, run, 2);
    expectCoverage('reds in an active phase', redsWhileActive, run, 0.2);
    expectCoverage('reds after an orgasm', redsAfterOrgasm, run, 0.05);
  });
});
