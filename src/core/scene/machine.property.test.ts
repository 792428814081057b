import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementSchema, type Agreement } from '../agreement/agreement';
import type { FeatureKey } from '../governor/governor';
import { isNarrowerOrEqual, limitsFromAgreement, type Limits } from '../governor/limits';
import { TEST_PULSE_LEVEL } from '../governor/test-pulse';
import type { Effect } from './effects';
import { sceneEventSchema, type LimitChange, type SceneEvent } from './events';
import { createScene, replay } from './machine';
import { isActive, PHASES, type ActivePhase, type Phase } from './phases';
import type { SceneState } from './state';
import { sceneArb } from '../../../test/arbitraries/scene';
import { expectCoverage, params } from '../../../test/support/property';
import {
  check,
  DeviceModel,
  keyOf,
  level,
  outputEffects,
  runScene,
  stopAllAt,
  where,
  type Transition,
} from '../../../test/support/run';

/** The agreement's own ceiling for a phase, read straight from the agreement. */
function agreedPhaseCeiling(a: Agreement, phase: ActivePhase): number {
  switch (phase) {
    case 'warm-up':
      return a.warmUp.ceiling;
    case 'play':
    case 'orgasm':
      return a.play.ceiling;
    case 'post-orgasm':
      return a.postOrgasm.ceiling;
  }
}

/**
 * The output the set-up's test pulse may drive after a step, or null: in set-up only, before its
 * end. The test-pulse properties check this against the events themselves.
 */
function pulsingKey(next: SceneState): FeatureKey | null {
  const pulse = next.testPulse;
  return next.phase === 'setup' && pulse !== null && next.now < pulse.until ? pulse.key : null;
}

/** The most each output may be after a step: limits in force and the agreement itself. */
function boundAfter(t: Transition, key: FeatureKey, kind: keyof Agreement['outputs']): number {
  const { next } = t;
  if (next.phase === 'setup' && pulsingKey(next) === key)
    return Math.min(
      TEST_PULSE_LEVEL,
      next.limits.outputCeilings[kind] ?? 0,
      next.limits.phaseCeilings['warm-up'],
      next.agreement.outputs[kind]?.ceiling ?? 0,
      next.agreement.warmUp.ceiling,
    );
  if (!isActive(next.phase)) return 0;
  return Math.min(
    next.limits.outputCeilings[kind] ?? 0,
    next.limits.phaseCeilings[next.phase],
    next.agreement.outputs[kind]?.ceiling ?? 0,
    agreedPhaseCeiling(next.agreement, next.phase),
  );
}

describe('scene machine properties', () => {
  it('[S2] every applied output and every output effect is within the ceilings of its kind and phase in force', () => {
    let nonZero = 0;
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        const device = new DeviceModel();
        runScene(script, (t) => {
          device.apply(t.effects);
          for (const f of t.next.features) {
            const key = keyOf(f);
            const v = level(t.next, f);
            const bound = boundAfter(t, key, f.feature.kind);
            check(v >= 0 && v <= bound, () => `${where(t)}: ${key} = ${v} > ${bound}`);
            check(
              device.level(key) === v,
              () => `${where(t)}: device ${key} at ${device.level(key)}, state says ${v}`,
            );
            if (v > 0) nonZero++;
          }
          for (const e of outputEffects(t.effects)) {
            const f = t.next.features.find((x) => keyOf(x) === e.key);
            check(f !== undefined, () => `${where(t)}: output to unknown ${e.key}`);
            check(
              e.value <= boundAfter(t, e.key, f.feature.kind),
              () => `${where(t)}: output ${e.key} = ${e.value}`,
            );
          }
        });
      }),
      run,
    );
    expectCoverage('[S2] outputs above 0', nonZero, run, 4);
  });

  it('[S2] outputs are 0 outside active phases (but for the set-up’s test pulse), while stopped, paused or edging, for kinds not allowed and for lost devices', () => {
    let held = 0;
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        const lost = new Set<string>();
        runScene(script, (t) => {
          const { event, next } = t;
          if (
            event.type === 'device.lost' &&
            event.by === 'system' &&
            next.devices.some((d) => d.id === event.device)
          )
            lost.add(event.device);
          const zeroAll =
            !isActive(next.phase) || next.stop !== null || next.paused !== null || next.edging;
          if (zeroAll && isActive(t.prev.phase)) held++;
          // The test pulse is the one exception, bounded by the test-pulse properties.
          const pulsing = pulsingKey(next);
          for (const f of next.features) {
            const mustBeZero =
              (zeroAll && keyOf(f) !== pulsing) ||
              lost.has(f.device) ||
              next.agreement.outputs[f.feature.kind] === undefined;
            const v = level(next, f);
            check(!mustBeZero || v === 0, () => `${where(t)}: ${keyOf(f)} = ${v}, must be 0`);
          }
          for (const e of outputEffects(t.effects)) {
            check(
              !zeroAll || e.key === pulsing || e.value === 0,
              () => `${where(t)}: output ${e.key} = ${e.value}`,
            );
          }
        });
      }),
      run,
    );
    expectCoverage('[S2] steps leaving an active phase or holding', held, run, 2.5);
  });

  it('[S2] no output rises faster than the ramp in force, nor than the agreed ramp, in the state or at the device (the set-up’s test pulse aside)', () => {
    let rises = 0;
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        const agreedRamp = 1 / (script.created.agreement.rampFullScaleSeconds * 1000);
        const device = new DeviceModel();
        runScene(script, (t) => {
          const ramp = Math.min(t.next.limits.rampPerMs, agreedRamp);
          const dt = t.next.now - t.prev.now;
          const before = t.next.features.map((f) => device.level(keyOf(f)));
          device.apply(t.effects);
          // After a stop-all every output starts again from zero, at that moment.
          const haltAt = stopAllAt(t.effects);
          const pulsing = pulsingKey(t.next);
          t.next.features.forEach((f, i) => {
            const key = keyOf(f);
            // A test pulse starts at its (tiny) level, off the ramp (decision 0008).
            if (key === pulsing) return;
            const rise = level(t.next, f) - level(t.prev, f);
            if (rise > 0) rises++;
            const allowed = ramp * dt + 1e-9;
            check(rise <= allowed, () => `${where(t)}: ${key} rose ${rise} in ${dt} ms`);
            const deviceRise = device.level(key) - (before[i] ?? 0);
            check(
              deviceRise <= allowed,
              () => `${where(t)}: device ${key} rose ${deviceRise} in ${dt} ms`,
            );
            if (haltAt !== null) {
              const sinceHalt = ramp * (t.next.now - haltAt) + 1e-9;
              check(
                device.level(key) <= sinceHalt,
                () => `${where(t)}: device ${key} at ${device.level(key)} right after stop-all`,
              );
            }
          });
        });
      }),
      run,
    );
    expectCoverage('[S2] rises', rises, run, 1.5);
  });

  it('[S3] limits never widen: every step is narrower or equal, and a widening limit.lowered is rejected and changes nothing', () => {
    const seen = { accepted: 0, refusedWidening: 0 };
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        const agreed = limitsFromAgreement(script.created.agreement);
        runScene(script, (t) => {
          const { prev, next, event } = t;
          check(isNarrowerOrEqual(prev.limits, next.limits), () => `${where(t)}: limits widened`);
          check(isNarrowerOrEqual(agreed, next.limits), () => `${where(t)}: wider than agreed`);
          if (event.type !== 'limit.lowered') {
            check(
              isNarrowerOrEqual(next.limits, prev.limits),
              () => `${where(t)}: limits changed without a lowering`,
            );
            return;
          }
          const rejected = t.effects.some(
            (e) => e.type === 'rejected' && e.event === 'limit.lowered',
          );
          if (widens(prev.limits, event.limit)) {
            seen.refusedWidening++;
            check(rejected, () => `${where(t)}: a widening was not rejected`);
            expect(next.limits, where(t)).toStrictEqual(prev.limits);
            return;
          }
          const sender =
            next.agreement.mode === 'solo' ? ['submissive'] : ['dominant', 'submissive'];
          if (!sender.includes(event.by) || prev.phase === 'closed') {
            check(rejected, () => `${where(t)}: should be rejected`);
            expect(next.limits, where(t)).toStrictEqual(prev.limits);
            return;
          }
          seen.accepted++;
          check(!rejected, () => `${where(t)}: a narrowing was rejected`);
          expect(next.limits, where(t)).toStrictEqual(applyLowering(prev.limits, event.limit));
          expect(t.effects, where(t)).toContainEqual({
            type: 'limit',
            at: t.at,
            limit: event.limit,
            by: event.by,
          });
        });
      }),
      run,
    );
    expectCoverage('[S3] accepted lowerings', seen.accepted, run, 0.4);
    expectCoverage('[S3] refused widenings', seen.refusedWidening, run, 0.7);
  });

  it('[S6] phases only move forward through the life of a scene', () => {
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        runScene(script, (t) => {
          const rank = (p: Phase) => PHASES.indexOf(p);
          check(rank(t.next.phase) >= rank(t.prev.phase), () => `${where(t)}: went backwards`);
        });
      }),
      run,
    );
  });

  it('[S7] replay equals live: a JSON-lines log parsed back and replayed gives the same state and effects', () => {
    const run = params(1000);
    fc.assert(
      fc.property(sceneArb(), fc.nat(), (script, cutSeed) => {
        const live: { state: SceneState; effects: Effect[] }[] = [];
        const effects: Effect[] = [];
        const final = runScene(script, (t) => {
          effects.push(...t.effects);
          live.push({ state: t.next, effects: [...effects] });
        });
        const log = [script.created, ...script.events].map((e) => JSON.stringify(e)).join('\n');
        const parsed: SceneEvent[] = log
          .split('\n')
          .map((line) => sceneEventSchema.parse(JSON.parse(line)));
        const replayed = replay(parsed);
        expect(replayed.state).toStrictEqual(final);
        expect(replayed.effects).toStrictEqual(effects);
        // Any prefix of the log is the scene as it was at that point.
        const cut = script.events.length === 0 ? 0 : cutSeed % script.events.length;
        const atCut = live[cut];
        if (atCut !== undefined) {
          const prefix = replay(parsed.slice(0, cut + 2));
          expect(prefix.state).toStrictEqual(atCut.state);
          expect(prefix.effects).toStrictEqual(atCut.effects);
        }
      }),
      run,
    );
  });

  it('generated scenes are valid logs: agreements pass validation, events pass the schema', () => {
    const run = params(1000);
    fc.assert(
      fc.property(sceneArb({ maxEvents: 40 }), (script) => {
        expect(agreementSchema.safeParse(script.created.agreement).error).toBeUndefined();
        for (const e of [script.created, ...script.events]) {
          expect(sceneEventSchema.safeParse(e).error).toBeUndefined();
        }
        const times = script.events.map((e) => e.at);
        expect(times).toStrictEqual([...times].sort((a, b) => a - b));
        expect(createScene(script.created).state.phase).toBe('setup');
      }),
      run,
    );
  });
});

/** Would this lowering widen any limit in force? Read from the limits, not from `narrowLimits`. */
function widens(l: Limits, c: LimitChange): boolean {
  switch (c.kind) {
    case 'output-ceiling': {
      const current = l.outputCeilings[c.output];
      return current === undefined || c.value > current;
    }
    case 'phase-ceiling':
      return c.phase === 'play'
        ? c.value > l.phaseCeilings.play || c.value > l.phaseCeilings.orgasm
        : c.value > l.phaseCeilings[c.phase];
    case 'ramp':
      return 1 / (c.fullScaleSeconds * 1000) > l.rampPerMs;
    case 'post-orgasm-seconds':
      return c.value * 1000 > l.postOrgasmMaxMs;
    case 'orgasms':
      return c.value > l.orgasmsMax;
  }
}

/** The limits after an accepted lowering: exactly that one limit set to the new value. */
function applyLowering(l: Limits, c: LimitChange): Limits {
  switch (c.kind) {
    case 'output-ceiling':
      return { ...l, outputCeilings: { ...l.outputCeilings, [c.output]: c.value } };
    case 'phase-ceiling': {
      const phaseCeilings = { ...l.phaseCeilings, [c.phase]: c.value };
      if (c.phase === 'play') phaseCeilings.orgasm = c.value;
      return { ...l, phaseCeilings };
    }
    case 'ramp':
      return { ...l, rampPerMs: 1 / (c.fullScaleSeconds * 1000) };
    case 'post-orgasm-seconds':
      return { ...l, postOrgasmMaxMs: c.value * 1000 };
    case 'orgasms':
      return { ...l, orgasmsMax: c.value };
  }
}
