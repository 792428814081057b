import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/agreement';
import type { Actor, SceneEvent } from './events';
import { step } from './machine';
import { isActive, isAfterStop, STOP_CAUSES } from './phases';
import type { SceneState } from './state';
import { sceneArb } from '../../../test/arbitraries/scene';
import { expectCoverage, params } from '../../../test/support/property';
import {
  check,
  keyOf,
  level,
  outputEffects,
  runScene,
  where,
  type Transition,
} from '../../../test/support/run';

/** Who may say red in this scene: either partner, or the person alone in solo mode. */
function maySayRed(a: Agreement, by: Actor): boolean {
  return by === 'submissive' || (by === 'dominant' && a.mode === 'pair');
}

/** A red: the safeword from either partner, or the submissive's red check-in answer. */
function isRed(a: Agreement, e: SceneEvent): boolean {
  if (e.type === 'safeword') return e.word === 'red' && maySayRed(a, e.by);
  return e.type === 'checkin.answered' && e.answer === 'red' && e.by === 'submissive';
}

function isYellow(a: Agreement, e: SceneEvent): boolean {
  if (e.type === 'safeword') return e.word === 'yellow' && maySayRed(a, e.by);
  return e.type === 'checkin.answered' && e.answer === 'yellow' && e.by === 'submissive';
}

function isSubmissivesGreen(e: SceneEvent): boolean {
  return e.type === 'checkin.answered' && e.answer === 'green' && e.by === 'submissive';
}

/** The scene as it is at the event's time, before the event: a tick there lets the time pass. */
function justBefore(t: Transition): SceneState {
  return step(t.prev, { type: 'tick', at: t.at }).state;
}

/** S1 for one step that carries a red: the scene stops in this very step, stop-all first. */
function expectStoppedByRed(t: Transition): void {
  const { next, effects, event } = t;
  check(next.stop !== null, () => `${where(t)}: red did not stop the scene`);
  expect(next.stop, where(t)).toStrictEqual({
    cause: 'red',
    by: (event as { by: Actor }).by,
    at: t.at,
  });
  const first = effects[0];
  check(first?.type === 'stop-all', () => `${where(t)}: stop-all is not first`);
  // A pause earlier in the same step may have sent it already; it is never later than the red.
  check(first.reason === 'stop' && first.at <= t.at, () => `${where(t)}: ${JSON.stringify(first)}`);
  expect(next.phase, where(t)).toBe('stopped');
  for (const f of next.features) check(level(next, f) === 0, () => `${where(t)}: output left on`);
  for (const e of outputEffects(effects)) check(e.value === 0, () => `${where(t)}: output sent`);
}

describe('stop, pause and yellow properties', () => {
  it('[S1] red from either partner (or the submissive’s red check-in) in setup or any active phase stops the scene in that step, stop-all first', () => {
    let reds = 0;
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        runScene(script, (t) => {
          if (!isRed(t.next.agreement, t.event)) return;
          const before = justBefore(t);
          if (before.stop !== null || !(before.phase === 'setup' || isActive(before.phase))) return;
          reds++;
          expectStoppedByRed(t);
        });
      }),
      run,
    );
    expectCoverage('[S1] reds in setup or active', reds, run, 0.05);
  });

  it('[S1] every step that stops or pauses the scene puts stop-all first, once, and records the cause', () => {
    const seen = { stops: 0, pauses: 0 };
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        runScene(script, (t) => {
          const { prev, next, effects } = t;
          const stopped = prev.stop === null && next.stop !== null;
          const halts = effects.filter((e) => e.type === 'stop' || e.type === 'paused');
          const stopAlls = effects.filter((e) => e.type === 'stop-all');
          if (!stopped) {
            check(
              effects.every((e) => e.type !== 'stop'),
              () => `${where(t)}: a stop effect without a new stop`,
            );
          }
          if (halts.length === 0) {
            check(!stopped, () => `${where(t)}: stopped without a stop effect`);
            check(stopAlls.length === 0, () => `${where(t)}: stop-all without a halt`);
            return;
          }
          const first = effects[0];
          check(first?.type === 'stop-all', () => `${where(t)}: stop-all is not first`);
          check(stopAlls.length === 1, () => `${where(t)}: ${stopAlls.length} stop-alls`);
          expect(first.at, where(t)).toBe(halts[0]?.at);
          if (stopped) {
            seen.stops++;
            expect(first.reason, where(t)).toBe('stop');
            expect(STOP_CAUSES).toContain(next.stop.cause);
            expect(effects.filter((e) => e.type === 'stop')).toStrictEqual([
              { type: 'stop', at: next.stop.at, cause: next.stop.cause, by: next.stop.by },
            ]);
          } else {
            seen.pauses++;
            expect(first.reason, where(t)).toBe('pause');
          }
        });
      }),
      run,
    );
    expectCoverage('[S1] stops', seen.stops, run, 0.4);
    expectCoverage('[S1] pauses', seen.pauses, run, 0.08);
  });

  it('[S4] whatever came before, the submissive’s red in an active phase stops the scene in that step', () => {
    let active = 0;
    const redArb = fc.record(
      {
        gap: fc.integer({ min: 0, max: 3000 }),
        how: fc.constantFrom('safeword', 'checkin'),
      },
      { noNullPrototype: true },
    );
    const run = params(4000);
    fc.assert(
      fc.property(sceneArb({ maxEvents: 80 }), redArb, (script, { gap, how }) => {
        const last = script.events.at(-1)?.at ?? script.created.at;
        const red: SceneEvent =
          how === 'safeword'
            ? { type: 'safeword', at: last + gap, by: 'submissive', word: 'red' }
            : { type: 'checkin.answered', at: last + gap, by: 'submissive', answer: 'red' };
        const final = runScene(script, () => undefined);
        const { state: next, effects } = step(final, red);
        const t: Transition = {
          index: script.events.length,
          prev: final,
          event: red,
          next,
          effects,
          at: Math.max(final.now, red.at),
        };
        const before = justBefore(t);
        if (before.stop !== null || !isActive(before.phase)) return;
        active++;
        expectStoppedByRed(t);
      }),
      run,
    );
    expectCoverage('[S4] reds in an active phase', active, run, 0.08);
  });

  it('[S6] once stopped: the stop is latched, only stopped/aftercare/debrief/closed follow, every output stays 0', () => {
    let afterStop = 0;
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        runScene(script, (t) => {
          const { prev, next } = t;
          if (next.stop === null) return;
          check(isAfterStop(next.phase), () => `${where(t)}: ${next.phase} after a stop`);
          for (const f of next.features)
            check(level(next, f) === 0, () => `${where(t)}: ${keyOf(f)} on after stop`);
          for (const e of outputEffects(t.effects))
            check(e.value === 0, () => `${where(t)}: output ${e.value} after stop`);
          if (prev.stop === null) return;
          afterStop++;
          check(next.stop === prev.stop, () => `${where(t)}: the stop record changed`);
        });
      }),
      run,
    );
    expectCoverage('[S6] steps after a stop', afterStop, run, 40);
  });

  it('[S6] after a yellow no output rises above factor × its level at the yellow, after a pause above 0, until the submissive’s green', () => {
    const seen = { yellows: 0, pauses: 0, heldSteps: 0 };
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        const factor = script.created.agreement.yellow.factor;
        /** The most each output may be while a yellow or pause holds; absent = no hold. */
        let caps: Map<string, number> | null = null;
        runScene(script, (t) => {
          const { prev, next, effects, event } = t;
          if (isYellow(next.agreement, event)) {
            const before = justBefore(t);
            if (before.stop === null && isActive(before.phase))
              check(
                effects.some((e) => e.type === 'yellow'),
                () => `${where(t)}: yellow was not taken`,
              );
          }
          if (isSubmissivesGreen(event)) {
            caps = null;
            return;
          }
          for (const e of effects) {
            if (e.type === 'yellow') {
              seen.yellows++;
              const held: Map<string, number> = caps ?? new Map<string, number>();
              for (const f of next.features) {
                const key = keyOf(f);
                held.set(key, Math.min(held.get(key) ?? 1, level(prev, f) * factor));
              }
              caps = held;
            }
            if (e.type === 'paused') {
              seen.pauses++;
              caps = new Map(next.features.map((f) => [keyOf(f), 0]));
            }
          }
          const held = caps;
          if (held === null) return;
          seen.heldSteps++;
          for (const f of next.features) {
            const cap = held.get(keyOf(f)) ?? 0;
            check(
              level(next, f) <= cap,
              () => `${where(t)}: ${keyOf(f)} = ${level(next, f)} above its hold ${cap}`,
            );
          }
        });
      }),
      run,
    );
    expectCoverage('[S6] yellows', seen.yellows, run, 0.2);
    expectCoverage('[S6] pauses', seen.pauses, run, 0.08);
    expectCoverage('[S6] held steps', seen.heldSteps, run, 5);
  });
});
