import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/agreement';
import { featureKey, type FeatureKey } from '../governor/governor';
import { TEST_PULSE_LEVEL, TEST_PULSE_MS } from '../governor/test-pulse';
import type { Effect } from './effects';
import { sceneEventSchema, type SceneEvent } from './events';
import { senderRefusal } from './handlers';
import { nextWakeAt, replay, step } from './machine';
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
  where,
  type Transition,
} from '../../../test/support/run';

/**
 * The set-up's test pulse (decision 0008), checked against the events themselves: which pulse was
 * taken, and when, is read from the log and the refusals, not from the state's own record of it.
 */

type Pulse = Readonly<{ key: FeatureKey; at: number }>;

/** The pulse this step started, if its event was a device.tested the machine took. */
function startedPulse(t: Transition): Pulse | null {
  const { event, effects } = t;
  if (event.type !== 'device.tested') return null;
  if (effects.some((e) => e.type === 'rejected')) return null;
  return { key: featureKey(event.device, event.feature), at: t.at };
}

/** Who may say red in this scene: either partner, or the person alone in solo mode. */
function isRed(a: Agreement, e: SceneEvent): boolean {
  const may =
    e.type !== 'tick' && e.type !== 'scene.created' && senderRefusal(a.mode, e.type, e.by) === null;
  if (e.type === 'safeword') return may && e.word === 'red';
  return e.type === 'checkin.answered' && may && e.answer === 'red';
}

/** The scene as it is at the event's time, before the event: a tick there lets the time pass. */
function justBefore(t: Transition): SceneState {
  return step(t.prev, { type: 'tick', at: t.at }).state;
}

/** True when the scene, just before this step's event, had a pulse running. */
function pulsingBefore(t: Transition): boolean {
  const before = justBefore(t);
  return before.phase === 'setup' && before.testPulse !== null;
}

function expectAllZero(t: Transition, device: DeviceModel): void {
  for (const f of t.next.features) {
    const key = keyOf(f);
    check(level(t.next, f) === 0, () => `${where(t)}: ${key} = ${level(t.next, f)}`);
    check(device.level(key) === 0, () => `${where(t)}: device ${key} = ${device.level(key)}`);
  }
  for (const e of outputEffects(t.effects))
    check(e.value === 0, () => `${where(t)}: output ${e.key} = ${e.value}`);
}

describe('test pulse properties', () => {
  it('[S2] in set-up no output ever exceeds the test level, and only the pulsing output is above zero', () => {
    const seen = { pulses: 0, onSteps: 0 };
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb({ setUp: true }), (script) => {
        const device = new DeviceModel();
        let last: Pulse | null = null;
        runScene(script, (t) => {
          device.apply(t.effects);
          last = startedPulse(t) ?? last;
          if (startedPulse(t) !== null) seen.pulses++;
          const { next } = t;
          if (next.phase !== 'setup') return;
          const a = next.agreement;
          const on: string[] = [];
          for (const f of next.features) {
            const key = keyOf(f);
            const kind = f.feature.kind;
            const max = Math.min(
              TEST_PULSE_LEVEL,
              a.outputs[kind]?.ceiling ?? 0,
              next.limits.outputCeilings[kind] ?? 0,
              a.warmUp.ceiling,
              next.limits.phaseCeilings['warm-up'],
            );
            for (const [where_, v] of [
              ['state', level(next, f)],
              ['device', device.level(key)],
            ] as const) {
              check(v >= 0 && v <= max, () => `${where(t)}: ${where_} ${key} = ${v} > ${max}`);
              if (v > 0 && where_ === 'state') on.push(key);
              check(
                v === 0 || key === last?.key,
                () => `${where(t)}: ${where_} ${key} = ${v}, not the pulsing output`,
              );
            }
          }
          check(on.length <= 1, () => `${where(t)}: ${on.join(', ')} on together`);
          if (on.length > 0) seen.onSteps++;
          for (const e of outputEffects(t.effects))
            check(e.value <= TEST_PULSE_LEVEL, () => `${where(t)}: output ${e.key} = ${e.value}`);
        });
      }),
      run,
    );
    expectCoverage('[S2] accepted pulses', seen.pulses, run, 0.5);
    expectCoverage('[S2] set-up steps with a pulse on', seen.onSteps, run, 0.8);
  });

  it('[S2] a pulse never outlasts TEST_PULSE_MS', () => {
    const seen = { endedByTime: 0 };
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb({ setUp: true }), (script) => {
        const device = new DeviceModel();
        let last: Pulse | null = null;
        runScene(script, (t) => {
          const wasOn = t.prev.features.some((f) => level(t.prev, f) > 0);
          device.apply(t.effects);
          last = startedPulse(t) ?? last;
          const { next } = t;
          if (next.phase !== 'setup') return;
          const pulse: Pulse | null = last;
          const until = pulse === null ? null : pulse.at + TEST_PULSE_MS;
          const on = next.features.filter((f) => level(next, f) > 0 || device.level(keyOf(f)) > 0);
          if (until !== null && wasOn && t.prev.now < until && next.now >= until)
            seen.endedByTime++;
          if (on.length === 0) return;
          check(
            until !== null && next.now < until,
            () =>
              `${where(t)}: ${on.map(keyOf).join(', ')} still on at ${next.now}, due off at ${until}`,
          );
          // The shell is woken in time to bring it to zero by itself.
          const wake = nextWakeAt(next);
          check(
            wake !== null && wake <= until,
            () => `${where(t)}: next wake at ${wake}, the pulse ends at ${until}`,
          );
        });
      }),
      run,
    );
    expectCoverage('[S2] pulses ended by time', seen.endedByTime, run, 0.3);
  });

  it('[S1] a red during a pulse stops it in the same step, stop-all first', () => {
    let reds = 0;
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb({ setUp: true }), (script) => {
        const device = new DeviceModel();
        runScene(script, (t) => {
          device.apply(t.effects);
          if (!isRed(t.next.agreement, t.event) || !pulsingBefore(t)) return;
          reds++;
          const first = t.effects[0];
          check(
            first?.type === 'stop-all' && first.reason === 'stop' && first.at === t.at,
            () => `${where(t)}: first effect ${JSON.stringify(first)}`,
          );
          check(t.next.stop?.cause === 'red', () => `${where(t)}: not stopped by the red`);
          check(t.next.testPulse === null, () => `${where(t)}: the pulse is still recorded`);
          expectAllZero(t, device);
        });
      }),
      run,
    );
    expectCoverage('[S1] reds during a pulse', reds, run, 0.03);
  });

  it('[S1] any stop, a yellow, the start, closing the scene or losing its device ends a pulse in that step', () => {
    const seen = { ended: 0, halted: 0 };
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb({ setUp: true }), (script) => {
        const device = new DeviceModel();
        runScene(script, (t) => {
          device.apply(t.effects);
          const { event, next, effects } = t;
          if (!pulsingBefore(t) || effects.some((e) => e.type === 'rejected')) return;
          const before = justBefore(t);
          const pulsed = before.testPulse?.key;
          const yellow =
            (event.type === 'safeword' && event.word === 'yellow') ||
            (event.type === 'checkin.answered' && event.answer === 'yellow');
          const lostIt =
            event.type === 'device.lost' && pulsed?.startsWith(`${event.device}/`) === true;
          const ends =
            next.stop !== null ||
            next.phase !== 'setup' ||
            yellow ||
            lostIt ||
            event.type === 'scene.start';
          if (!ends) return;
          seen.ended++;
          check(next.testPulse === null, () => `${where(t)}: the pulse goes on`);
          expectAllZero(t, device);
          if (next.stop !== null) {
            seen.halted++;
            const first = effects[0];
            check(first?.type === 'stop-all', () => `${where(t)}: stop-all is not first`);
          }
        });
      }),
      run,
    );
    expectCoverage('[S1] pulses ended by an event', seen.ended, run, 0.08);
    expectCoverage('[S1] pulses ended by a stop', seen.halted, run, 0.04);
  });

  it('[S7] replay equals live', () => {
    let pulses = 0;
    const run = params(1000);
    fc.assert(
      fc.property(sceneArb({ setUp: true }), (script) => {
        const effects: Effect[] = [];
        const final = runScene(script, (t) => {
          if (startedPulse(t) !== null) pulses++;
          effects.push(...t.effects);
        });
        const log = [script.created, ...script.events].map((e) => JSON.stringify(e)).join('\n');
        const parsed = log.split('\n').map((line) => sceneEventSchema.parse(JSON.parse(line)));
        const replayed = replay(parsed);
        expect(replayed.state).toStrictEqual(final);
        expect(replayed.effects).toStrictEqual(effects);
        expect(nextWakeAt(replayed.state)).toBe(nextWakeAt(final));
      }),
      run,
    );
    expectCoverage('[S7] accepted pulses', pulses, run, 0.5);
  });
});
