import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/agreement';
import type { Effect } from './effects';
import { isActive, type Phase } from './phases';
import type { SceneState } from './state';
import type { SceneScript } from '../../../test/arbitraries/scene';
import { sceneArb } from '../../../test/arbitraries/scene';
import { expectCoverage, params } from '../../../test/support/property';
import { check, runScene, where } from '../../../test/support/run';

/**
 * Lubricant reminders (agreement.lubricant): a prompt to whoever runs the scene, every agreed
 * interval from the start, in active phases only, never after a stop, and nothing else.
 */

type Prompt = Extract<Effect, { type: 'prompt' }>;

const isLubricant = (e: Effect): e is Prompt => e.type === 'prompt' && e.prompt === 'lubricant';

/** The phase the scene was in when the effect at `index` happened in its step. */
function phaseAt(prev: SceneState, effects: readonly Effect[], index: number): Phase {
  let phase = prev.phase;
  for (const e of effects.slice(0, index)) if (e.type === 'phase') phase = e.phase;
  return phase;
}

/** The same scene under the same agreement without lubricant reminders. */
function withoutLubricant(script: SceneScript): SceneScript {
  const strip = (a: Agreement): Agreement => {
    const rest = { ...a };
    delete rest.lubricant;
    return rest;
  };
  return {
    created: { ...script.created, agreement: strip(script.created.agreement) },
    events: script.events.map((e) =>
      e.type === 'scene.created' ? { ...e, agreement: strip(e.agreement) } : e,
    ),
  };
}

describe('lubricant reminder properties', () => {
  it('[S6] a reminder comes every agreed interval from the start, to the dominant (solo: the person), only in active phases and never after a stop', () => {
    const seen = { reminders: 0, afterStop: 0 };
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        const a = script.created.agreement;
        const every = a.lubricant?.reminderIntervalSeconds ?? null;
        const to = a.mode === 'solo' ? 'submissive' : 'dominant';
        /** When the next reminder is due, once the scene has started. */
        let due: number | null = null;
        runScene(script, (t) => {
          const { prev, next, effects } = t;
          if (prev.startedAt === null && next.startedAt !== null && every !== null)
            due = next.startedAt + every * 1000;
          effects.forEach((e, i) => {
            if (!isLubricant(e)) return;
            seen.reminders++;
            check(every !== null, () => `${where(t)}: a reminder nobody agreed to`);
            check(prev.stop === null, () => `${where(t)}: a reminder after a stop`);
            const phase = phaseAt(prev, effects, i);
            check(isActive(phase), () => `${where(t)}: a reminder in ${phase}`);
            // A reminder due by the time of the event that stops the scene comes first.
            const stopAt = effects.findIndex((x) => x.type === 'stop');
            check(stopAt === -1 || i < stopAt, () => `${where(t)}: a reminder after the stop`);
            expect(e, where(t)).toStrictEqual({ type: 'prompt', at: due, prompt: 'lubricant', to });
            due = e.at + every * 1000;
          });
          if (prev.stop !== null) seen.afterStop++;
          // None missed: while the scene runs, the next one is still ahead.
          if (due !== null && next.stop === null && isActive(next.phase))
            check(next.now < due, () => `${where(t)}: the reminder due at ${due} did not come`);
        });
      }),
      run,
    );
    expectCoverage('[S6] lubricant reminders', seen.reminders, run, 0.05);
    expectCoverage('[S6] steps after a stop', seen.afterStop, run, 20);
  });

  it('[S2] reminders change nothing but prompts: without them the same log gives the same outputs, phases and stops', () => {
    let compared = 0;
    const run = params(1000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        if ((script.created.agreement.lubricant?.reminderIntervalSeconds ?? null) === null) return;
        compared++;
        const withReminders: Effect[] = [];
        const states: SceneState[] = [];
        runScene(script, (t) => {
          withReminders.push(...t.effects.filter((e) => !isLubricant(e)));
          states.push(t.next);
        });
        const without: Effect[] = [];
        runScene(withoutLubricant(script), (t) => {
          without.push(...t.effects);
          const live = states[t.index];
          check(live !== undefined, () => `${where(t)}: no step to compare`);
          expect(t.next.applied, where(t)).toStrictEqual(live.applied);
          expect(t.next.phase, where(t)).toBe(live.phase);
          expect(t.next.stop, where(t)).toStrictEqual(live.stop);
          expect(t.next.lubricantCheckAt, where(t)).toBeNull();
        });
        expect(without.filter(isLubricant)).toStrictEqual([]);
        expect(without).toStrictEqual(withReminders);
      }),
      run,
    );
    expectCoverage('[S2] scenes with reminders', compared, run, 0.2);
  });
});
