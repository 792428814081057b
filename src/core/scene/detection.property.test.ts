import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distressRule, sensorOrgasmRule, type Agreement } from '../agreement/agreement';
import { isStopRequest, senderRefusal, stopsAtOnce } from './handlers';
import { replay, step } from './machine';
import { isActive, isAfterStop } from './phases';
import type { SceneState } from './state';
import type { Effect } from './effects';
import { agreementArb, detectionArb } from '../../../test/arbitraries/agreement';
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

/**
 * Sensor events in random scenes (docs/decisions/0012): `orgasm.detected` and
 * `distress.detected`, from the sensor and from wrong senders, under every detection rule of the
 * agreement and without one.
 */

/** Any agreement, its detection field replaced: absent, or either rule with any distress. */
const detectedAgreementArb: fc.Arbitrary<Agreement> = fc
  .tuple(agreementArb, detectionArb)
  .map(([agreement, detection]) => {
    const rest = { ...agreement };
    delete rest.detection;
    return { ...rest, ...detection };
  });

/** Any agreement with detection, its distress always mapped to this action. */
const distressAgreementArb = (action: 'yellow' | 'red'): fc.Arbitrary<Agreement> =>
  fc
    .tuple(
      agreementArb,
      fc.constantFrom('start-post-orgasm' as const, 'ask-dominant' as const),
      fc.integer({ min: 80, max: 220 }),
      fc.integer({ min: 5, max: 300 }),
    )
    .map(([agreement, sensorOrgasm, hrCeilingBpm, sustainSeconds]) => ({
      ...agreement,
      detection: { sensorOrgasm, distress: { hrCeilingBpm, sustainSeconds, action } },
    }));

const scenes = (agreement: fc.Arbitrary<Agreement> = detectedAgreementArb) =>
  sceneArb({ agreement });

/** The step the event would have been if it had been a tick: time passing alone. */
const tickOf = (t: Transition) => step(t.prev, { type: 'tick', at: t.event.at });

/** The state after time passed up to the event, before the event itself. */
const before = (t: Transition): SceneState => tickOf(t).state;

describe('sensor events: orgasm.detected and distress.detected', () => {
  it('[S1] a distress mapped to red stops in that step, stop-all first', () => {
    let stops = 0;
    const run = params(1500);
    fc.assert(
      fc.property(scenes(fc.oneof(distressAgreementArb('red'), detectedAgreementArb)), (script) => {
        runScene(script, (t) => {
          const { event, next, effects } = t;
          if (event.type !== 'distress.detected' || event.by !== 'sensor') return;
          if (distressRule(t.prev.agreement)?.action !== 'red') return;
          const b = before(t);
          if (b.stop !== null || !isActive(b.phase)) return;
          stops++;
          expect(next.stop, where(t)).toStrictEqual({ cause: 'distress', by: 'sensor', at: t.at });
          expect(next.phase, where(t)).toBe('stopped');
          const first = effects[0];
          check(first?.type === 'stop-all', () => `${where(t)}: stop-all is not first`);
          expect(first.reason, where(t)).toBe('stop');
          for (const f of next.features) check(level(next, f) === 0, () => `${where(t)}: on`);
          for (const e of outputEffects(effects))
            check(e.value === 0, () => `${where(t)}: output ${e.value} sent`);
          // A certain stop: the shell may send it before folding the event.
          expect(stopsAtOnce(t.prev, event), where(t)).toBe(true);
          expect(isStopRequest(event, t.prev.agreement), where(t)).toBe(true);
        });
      }),
      run,
    );
    expectCoverage('[S1] distress mapped to red while active', stops, run, 0.02);
  });

  it("[S6] after a distress stop only aftercare follows; after a distress yellow nothing rises until the submissive's green", () => {
    const seen = { afterStop: 0, heldSteps: 0, greens: 0 };
    const run = params(1500);
    const agreements = fc.oneof(
      distressAgreementArb('yellow'),
      distressAgreementArb('red'),
      detectedAgreementArb,
    );
    fc.assert(
      fc.property(scenes(agreements), (script) => {
        /** Each output's level right after the distress yellow, while it holds. */
        let held: Record<string, number> | null = null;
        runScene(script, (t) => {
          const { prev, next, event, effects } = t;
          if (prev.stop?.cause === 'distress') {
            seen.afterStop++;
            expect(next.stop, where(t)).toStrictEqual(prev.stop);
            check(isAfterStop(next.phase), () => `${where(t)}: phase ${next.phase}`);
            for (const f of next.features) check(level(next, f) === 0, () => `${where(t)}: on`);
            for (const e of outputEffects(effects))
              check(e.value === 0, () => `${where(t)}: output ${e.value} sent`);
          }
          if (held !== null) {
            if (!next.yellow) {
              // Only the submissive's green (or a stop) lifts it.
              const green =
                event.type === 'checkin.answered' &&
                event.answer === 'green' &&
                event.by === 'submissive';
              check(green || next.stop !== null, () => `${where(t)}: yellow lifted without green`);
              if (green) seen.greens++;
              held = null;
            } else {
              seen.heldSteps++;
              for (const f of next.features) {
                const cap = held[keyOf(f)] ?? 0;
                check(
                  level(next, f) <= cap,
                  () => `${where(t)}: ${keyOf(f)} rose to ${level(next, f)} above ${cap}`,
                );
              }
            }
          }
          const distressYellow =
            event.type === 'distress.detected' &&
            event.by === 'sensor' &&
            distressRule(prev.agreement)?.action === 'yellow' &&
            isActive(next.phase);
          if (distressYellow) {
            expect(next.yellow, where(t)).toBe(true);
            expect(effects, where(t)).toContainEqual({ type: 'yellow', at: t.at, by: 'sensor' });
            held = Object.fromEntries(next.features.map((f) => [keyOf(f), level(next, f)]));
          }
        });
      }),
      run,
    );
    expectCoverage('[S6] steps after a distress stop', seen.afterStop, run, 0.2);
    expectCoverage('[S6] steps held by a distress yellow', seen.heldSteps, run, 0.05);
    expectCoverage(
      "[S6] distress yellows lifted by the submissive's green",
      seen.greens,
      run,
      0.008,
    );
  });

  it('[S2] an orgasm.detected under ask-dominant changes no output and no phase', () => {
    let asked = 0;
    const run = params(1500);
    fc.assert(
      fc.property(scenes(), (script) => {
        runScene(script, (t) => {
          const { event, prev, next, effects } = t;
          if (event.type !== 'orgasm.detected') return;
          if (sensorOrgasmRule(prev.agreement) !== 'ask-dominant') return;
          const tick = tickOf(t);
          // Exactly time passing, plus the confirmation prompt or a refusal.
          expect(next, where(t)).toStrictEqual(tick.state);
          const isConfirm = (e: Effect) => e.type === 'prompt' && e.prompt === 'confirm-orgasm';
          expect(
            effects.filter((e) => e.type !== 'rejected' && !isConfirm(e)),
            where(t),
          ).toStrictEqual(tick.effects);
          if (event.by !== 'sensor' || !isActive(tick.state.phase)) {
            expect(
              effects.filter((e) => e.type === 'rejected'),
              where(t),
            ).toHaveLength(1);
            expect(effects.filter(isConfirm), where(t)).toStrictEqual([]);
            return;
          }
          asked++;
          const to = prev.agreement.mode === 'solo' ? 'submissive' : 'dominant';
          const confirm = effects.filter(
            (e) => e.type === 'prompt' && e.prompt === 'confirm-orgasm',
          );
          expect(confirm, where(t)).toHaveLength(1);
          expect(confirm[0], where(t)).toMatchObject({ at: t.at, to });
          const percent = `${Math.round(event.confidence * 100)} %`;
          expect(confirm[0]?.type === 'prompt' && confirm[0].items?.join(' '), where(t)).toContain(
            percent,
          );
        });
      }),
      run,
    );
    expectCoverage('[S2] orgasms detected under ask-dominant while active', asked, run, 0.1);
  });

  it('[S2] an orgasm.detected under start-post-orgasm is the sensor marking it: the same step as orgasm.marked', () => {
    let marked = 0;
    const run = params(1000);
    fc.assert(
      fc.property(scenes(), (script) => {
        runScene(script, (t) => {
          const { event, prev, next, effects } = t;
          if (event.type !== 'orgasm.detected' || event.by !== 'sensor') return;
          if (sensorOrgasmRule(prev.agreement) !== 'start-post-orgasm') return;
          const same = step(prev, { type: 'orgasm.marked', at: event.at, by: 'sensor' });
          if (effects.some((e) => e.type === 'orgasm')) marked++;
          expect(next, where(t)).toStrictEqual(same.state);
          expect(effects, where(t)).toStrictEqual(
            same.effects.map((e) =>
              e.type === 'rejected' ? { ...e, event: 'orgasm.detected' } : e,
            ),
          );
        });
      }),
      run,
    );
    expectCoverage('[S2] orgasms detected under start-post-orgasm', marked, run, 0.05);
  });

  it('[S1] a distress with no agreed action, while active, is never dropped: it prompts and changes nothing else', () => {
    let prompted = 0;
    const run = params(1500);
    fc.assert(
      fc.property(scenes(), (script) => {
        runScene(script, (t) => {
          const { event, prev, next, effects } = t;
          if (event.type !== 'distress.detected' || event.by !== 'sensor') return;
          if (distressRule(prev.agreement) !== null) return;
          const tick = tickOf(t);
          if (!isActive(tick.state.phase)) return;
          prompted++;
          expect(next, where(t)).toStrictEqual(tick.state);
          const to = prev.agreement.mode === 'solo' ? 'submissive' : 'dominant';
          const isDistress = (e: Effect) => e.type === 'prompt' && e.prompt === 'distress';
          expect(effects.filter(isDistress), where(t)).toStrictEqual([
            expect.objectContaining({ type: 'prompt', prompt: 'distress', to, at: t.at }),
          ]);
          expect(
            effects.filter((e) => !isDistress(e)),
            where(t),
          ).toStrictEqual(tick.effects);
          expect(stopsAtOnce(prev, event), where(t)).toBe(false);
        });
      }),
      run,
    );
    expectCoverage('[S1] distress without an action while active', prompted, run, 0.01);
  });

  it('[S6] after a stop, or from anyone but the sensor, they change nothing: the step is a tick (or a refusal)', () => {
    const seen = { afterStop: 0, wrongSender: 0 };
    const run = params(1500);
    fc.assert(
      fc.property(scenes(), (script) => {
        runScene(script, (t) => {
          const { event, prev, next, effects } = t;
          if (event.type !== 'distress.detected' && event.type !== 'orgasm.detected') return;
          const tick = tickOf(t);
          const refusal = senderRefusal(prev.agreement.mode, event.type, event.by);
          if (refusal !== null) {
            seen.wrongSender++;
            expect(next, where(t)).toStrictEqual(tick.state);
            expect(
              effects.filter((e) => e.type === 'rejected'),
              where(t),
            ).toStrictEqual([{ type: 'rejected', at: t.at, event: event.type, reason: refusal }]);
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
          expect(
            effects.filter((e) => e.type !== 'rejected'),
            where(t),
          ).toStrictEqual(tick.effects);
          if (prev.stop !== null) expect(stopsAtOnce(prev, event), where(t)).toBe(false);
        });
      }),
      run,
    );
    expectCoverage('[S6] sensor events after a stop', seen.afterStop, run, 0.05);
    expectCoverage('[P2] sensor events from a wrong sender', seen.wrongSender, run, 0.02);
  });

  it('[S7] replay equals live', () => {
    let withSensor = 0;
    const run = params(500);
    fc.assert(
      fc.property(scenes(), (script) => {
        const live: unknown[] = [];
        const state = runScene(script, (t) => live.push(...t.effects));
        if (
          script.events.some((e) => e.type === 'orgasm.detected' || e.type === 'distress.detected')
        )
          withSensor++;
        const replayed = replay([script.created, ...script.events]);
        expect(replayed.state).toStrictEqual(state);
        expect(replayed.effects).toStrictEqual(live);
      }),
      run,
    );
    expectCoverage('[S7] logs with sensor events', withSensor, run, 0.3);
  });
});
