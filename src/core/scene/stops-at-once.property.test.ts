import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sceneArb } from '../../../test/arbitraries/scene';
import { expectCoverage, params } from '../../../test/support/property';
import { check, runScene, where } from '../../../test/support/run';
import { stopsAtOnce } from './handlers';
import { isActive } from './phases';

describe('stopsAtOnce: the shell may send stop before folding the event', () => {
  it('[S1] whenever it holds, the step stops the scene and its first effect is stop-all', () => {
    let held = 0;
    const run = params(1500);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        runScene(script, (t) => {
          if (!stopsAtOnce(t.prev, t.event)) return;
          held += 1;
          const first = t.effects[0];
          check(
            first?.type === 'stop-all' && first.reason === 'stop',
            () => `no stop-all first at ${where(t)}`,
          );
          check(
            t.next.stop !== null && t.next.phase !== 'closed',
            () => `not stopped at ${where(t)}`,
          );
        });
      }),
      run,
    );
    expectCoverage('stopsAtOnce held', held, run, 0.15);
  });

  it('[S4] it holds for every red of the submissive while the scene runs', () => {
    let reds = 0;
    const run = params(1500);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        runScene(script, (t) => {
          const red =
            (t.event.type === 'safeword' && t.event.word === 'red') ||
            (t.event.type === 'checkin.answered' && t.event.answer === 'red');
          if (
            !red ||
            t.event.by !== 'submissive' ||
            t.prev.stop !== null ||
            !isActive(t.prev.phase)
          )
            return;
          reds += 1;
          expect(stopsAtOnce(t.prev, t.event)).toBe(true);
        });
      }),
      run,
    );
    expectCoverage('submissive reds in active phases', reds, run, 0.1);
  });
});
