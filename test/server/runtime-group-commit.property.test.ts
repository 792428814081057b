import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActive, type SceneEvent } from '../../src/core';
import type { ClientFrameBody, Role } from '../../src/protocol/frames';
import type { ServerFrame } from '../../src/protocol/view';
import type { EventLog, FrameOrigin } from '../../src/server/event-log';
import { stepArb } from '../support/frame-arbitraries';
import { expectCoverage, params } from '../support/property';
import { recordingRuntime } from '../support/recording-runtime';

/**
 * A log that commits in groups, as the store's journal does (decision 0017), with the commit in
 * the test's hand: appended events wait in `staged` until `commit`, which makes them durable or,
 * failing, rolls them back and breaks the log for good.
 */
function groupLog() {
  const durable: { event: SceneEvent; frame: FrameOrigin | undefined }[] = [];
  let staged: { event: SceneEvent; frame: FrameOrigin | undefined }[] = [];
  let waiters: ((error: Error | null) => void)[] = [];
  let broken = false;
  const log: EventLog = {
    append(event, frame) {
      if (broken) throw new Error('the log is broken');
      staged.push({ event, frame });
    },
    settled(done) {
      if (staged.length === 0) done(null);
      else waiters.push(done);
    },
  };
  const commit = (fail: boolean) => {
    const batch = staged;
    const waiting = waiters;
    // A commit with nothing in it writes nothing, and cannot fail.
    if (batch.length === 0) return batch;
    staged = [];
    waiters = [];
    if (fail) broken = true;
    else durable.push(...batch);
    for (const w of waiting) w(fail ? new Error('the disk is full') : null);
    return batch;
  };
  const seqsOf = (rows: typeof durable) =>
    new Set(rows.flatMap((d) => (d.frame === undefined ? [] : [d.frame.seq])));
  return {
    log,
    durable,
    commit,
    pending: () => staged.length,
    durableSeqs: () => seqsOf(durable),
    stagedSeqs: () => seqsOf(staged),
  };
}

const yieldOnce = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness() {
  const g = groupLog();
  const { runtime, calls, advance } = recordingRuntime(g.log);
  const answers = new Map<number, ServerFrame>();
  /** Frames answered `ack` while their event still waited for the commit: must stay empty (S7). */
  const ackedEarly: number[] = [];
  let seq = 0;
  const send = (role: Role, body: ClientFrameBody) => {
    seq += 1;
    const mine = seq;
    runtime.handle(role, { ...body, seq: mine }, (f) => {
      answers.set(mine, f);
      if (f.type === 'ack' && g.stagedSeqs().has(mine)) ackedEarly.push(mine);
    });
    return mine;
  };
  return { runtime, calls, g, send, answers, ackedEarly, advance };
}

type Action =
  | { kind: 'frame'; role: Role; body: ClientFrameBody; afterMs: number }
  | { kind: 'commit' }
  | { kind: 'fail' };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: stepArb.map((s) => ({ kind: 'frame' as const, ...s })), weight: 8 },
  { arbitrary: fc.constant({ kind: 'commit' as const }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'fail' as const }), weight: 1 },
);

describe('a scene runtime on a log that commits in groups (decision 0017)', () => {
  it('[S1] [S7] no ack before its event is durable; a red stops the toys before any commit; a failed commit stops the scene and acks none of it', async () => {
    const run = params(60);
    let redsBeforeCommit = 0;
    let failedWithFrames = 0;
    let acksAfterCommit = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 40 }), async (actions) => {
        const h = harness();
        try {
          // A prologue that reaches warm-up, committed: reds then land in active phases.
          h.send('submissive', { type: 'heartbeat' });
          for (const item of ['lubricant', 'water', 'blanket'] as const)
            h.send('dominant', { type: 'setup.check', item, done: true });
          h.send('submissive', { type: 'stop.test' });
          await yieldOnce();
          h.send('dominant', { type: 'start' });
          h.g.commit(false);
          await yieldOnce();
          let failed = false;
          for (const action of actions) {
            if (action.kind === 'frame') {
              h.advance(action.afterMs);
              const active = isActive(h.runtime.state().phase) && h.runtime.state().stop === null;
              const before = h.calls.length;
              h.send(action.role, action.body);
              const red =
                action.body.type === 'safeword' &&
                action.body.word === 'red' &&
                action.role === 'submissive';
              if (red && active) {
                // S1: the stop went out inside `handle`, while its event waits for the commit.
                expect(h.calls.slice(before)).toContain('stopAll');
                if (h.g.pending() > 0) redsBeforeCommit += 1;
              }
            } else if (action.kind === 'commit') {
              const batch = h.g.commit(false);
              // Every frame whose event was in the batch is answered now, and only now.
              for (const { frame } of batch)
                if (frame !== undefined) {
                  expect(h.answers.has(frame.seq)).toBe(true);
                  acksAfterCommit += 1;
                }
            } else {
              const stopsBefore = h.calls.filter((c) => c === 'stopAll').length;
              const batch = h.g.commit(true);
              if (!failed && batch.length > 0) {
                failed = true;
                // The toys stop when the failure is heard, before anything else.
                expect(h.calls.filter((c) => c === 'stopAll').length).toBeGreaterThan(stopsBefore);
                if (batch.some((b) => b.frame !== undefined)) failedWithFrames += 1;
              }
              // None of the failed batch is acknowledged: each gets an error.
              for (const { frame } of batch)
                if (frame !== undefined)
                  expect(h.answers.get(frame.seq)).toMatchObject({
                    type: 'error',
                    code: 'internal',
                  });
              // The stop's event folds once the process has yielded (the loop defers it, S1).
              await yieldOnce();
              await yieldOnce();
              // The scene itself is stopped (S1: the store failing is a stop, never unrecorded play).
              if (failed) {
                const state = h.runtime.state();
                expect(state.stop !== null || state.phase === 'closed').toBe(true);
              }
            }
            await yieldOnce();
          }
          // And a last red from the panel, behind a frame whose event waits for the commit.
          if (!failed && isActive(h.runtime.state().phase) && h.runtime.state().stop === null) {
            h.send('submissive', { type: 'heartbeat' });
            const before = h.calls.length;
            const red = h.send('submissive', { type: 'safeword', word: 'red' });
            expect(h.g.pending()).toBeGreaterThan(0);
            expect(h.calls.slice(before)[0]).toBe('stopAll');
            expect(h.answers.has(red)).toBe(false);
            redsBeforeCommit += 1;
            h.g.commit(false);
            await yieldOnce();
            await yieldOnce();
            h.g.commit(false);
            expect(h.answers.get(red)).toMatchObject({ type: 'ack' });
          }
          // S7 over the whole run: no ack ever went out while its event waited for the commit,
          // and every frame whose event is still waiting has no answer at all yet.
          expect(h.ackedEarly).toEqual([]);
          for (const waiting of h.g.stagedSeqs()) expect(h.answers.has(waiting)).toBe(false);
        } finally {
          h.runtime.dispose();
        }
      }),
      run,
    );
    expectCoverage('reds sent with a commit pending', redsBeforeCommit, run, 0.2);
    expectCoverage('failed commits holding frames', failedWithFrames, run, 0.1);
    expectCoverage('frames answered after their commit', acksAfterCommit, run, 0.5);
  });
});
