import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { senderRefusal, stopsAtOnce } from './handlers';
import { step } from './machine';
import { isActive } from './phases';
import { sceneArb } from '../../../test/arbitraries/scene';
import { expectCoverage, params } from '../../../test/support/property';
import { check, level, outputEffects, runScene, where } from '../../../test/support/run';

/**
 * `scene.interrupted`: the shell lost track of the scene (a restarted server). It is a certain
 * stop from the system, like a red from the submissive, and final like every stop.
 */
describe('scene.interrupted properties', () => {
  it('[S1] from the system in setup or an active phase it stops the scene in that step (cause interrupted), stop-all first, and the shell may send the stop before folding it', () => {
    let interrupted = 0;
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        runScene(script, (t) => {
          const { event, next, effects } = t;
          if (event.type !== 'scene.interrupted' || event.by !== 'system') return;
          const before = step(t.prev, { type: 'tick', at: t.at }).state;
          if (before.stop !== null || !(before.phase === 'setup' || isActive(before.phase))) return;
          interrupted++;
          expect(next.stop, where(t)).toStrictEqual({
            cause: 'interrupted',
            by: 'system',
            at: t.at,
          });
          expect(next.phase, where(t)).toBe('stopped');
          const first = effects[0];
          check(first?.type === 'stop-all', () => `${where(t)}: stop-all is not first`);
          expect(first.reason, where(t)).toBe('stop');
          for (const f of next.features) check(level(next, f) === 0, () => `${where(t)}: on`);
          for (const e of outputEffects(effects))
            check(e.value === 0, () => `${where(t)}: output ${e.value} sent`);
          // A certain stop: the shell may send it before folding the event.
          expect(stopsAtOnce(t.prev, event), where(t)).toBe(true);
        });
      }),
      run,
    );
    expectCoverage('[S1] interruptions in setup or active', interrupted, run, 0.008);
  });

  it('[S6] after a stop, or from anyone but the system, it changes nothing: the step is a tick (or a refusal)', () => {
    const seen = { afterStop: 0, wrongSender: 0 };
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        runScene(script, (t) => {
          const { event, prev, next, effects } = t;
          if (event.type !== 'scene.interrupted') return;
          const tick = step(prev, { type: 'tick', at: event.at });
          const refusal = senderRefusal(prev.agreement.mode, event.type, event.by);
          if (refusal !== null) {
            seen.wrongSender++;
            expect(next, where(t)).toStrictEqual(tick.state);
            const rejected = {
              type: 'rejected',
              at: t.at,
              event: 'scene.interrupted',
              reason: refusal,
            };
            expect(
              effects.filter((e) => e.type === 'rejected'),
              where(t),
            ).toStrictEqual([rejected]);
            expect(
              effects.filter((e) => e.type !== 'rejected'),
              where(t),
            ).toStrictEqual(tick.effects);
            expect(stopsAtOnce(prev, event), where(t)).toBe(false);
            return;
          }
          if (tick.state.stop === null && tick.state.phase !== 'closed') return;
          seen.afterStop++;
          expect(next, where(t)).toStrictEqual(tick.state);
          expect(effects, where(t)).toStrictEqual(tick.effects);
          // (A timer due by then may have stopped it within this step; the shell's early stop
          // is judged on the state before, and is harmless then.)
          if (prev.stop !== null || prev.phase === 'closed')
            expect(stopsAtOnce(prev, event), where(t)).toBe(false);
        });
      }),
      run,
    );
    expectCoverage('[S6] interruptions after a stop', seen.afterStop, run, 0.03);
    expectCoverage('[P2] interruptions from a wrong sender', seen.wrongSender, run, 0.002);
  });
});
