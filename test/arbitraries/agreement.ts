import fc from 'fast-check';
import { OUTPUT_KINDS, type Agreement, type OutputKind } from '../../src/core';
import { pairAgreement, soloAgreement } from '../fixtures/agreements';

/**
 * Valid agreements, varied where the scene machine and governor branch: ceilings, ramp, warm-up,
 * post-orgasm time, orgasm rules, check-ins, yellow factor, signals, plans. Time scales are kept
 * to minutes so that random scenes reach every phase. Every value satisfies `agreementSchema`
 * (a property test checks it).
 */

/**
 * `fc.record` with ordinary prototypes: events and agreements arrive as parsed JSON, and replay
 * compares states strictly.
 */
export function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true });
}

/** A level 0–1: often a round one or an edge, sometimes any double (tiny ones included). */
export const levelArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 100 }).map((n) => n / 100), weight: 10 },
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 2 },
);

/** Seconds, mostly whole, sometimes fractional. */
function secondsArb(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), weight: 4 },
    { arbitrary: fc.double({ min, max, noNaN: true }), weight: 1 },
  );
}

const planStepsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 5 })
  .chain((times) =>
    fc.tuple(
      ...[...times]
        .sort((a, b) => a - b)
        .map((t) => levelArb.map((level) => ({ afterSeconds: t, level }))),
    ),
  );

const planArb: fc.Arbitrary<NonNullable<Agreement['plan']>> = record({
  warmUp: planStepsArb,
  play: planStepsArb,
  postOrgasm: planStepsArb,
});

const outputsArb: fc.Arbitrary<Agreement['outputs']> = fc
  .subarray([...OUTPUT_KINDS], { minLength: 1 })
  .chain((kinds) =>
    fc.tuple(...kinds.map((kind) => levelArb.map((ceiling) => [kind, { ceiling }] as const))),
  )
  .map((entries) => {
    const outputs: Partial<Record<OutputKind, { ceiling: number }>> = {};
    for (const [kind, spec] of entries) outputs[kind] = spec;
    return outputs;
  });

const checkInArb: fc.Arbitrary<Agreement['checkIn']> = secondsArb(10, 120).chain(
  (intervalSeconds) =>
    record({
      intervalSeconds: fc.constant(intervalSeconds),
      answerTimeoutSeconds: secondsArb(3, Math.min(600, intervalSeconds - 0.5)),
      onMissed: fc.constantFrom('pause' as const, 'stop' as const),
    }),
);

const actionArb = fc.constantFrom('yellow' as const, 'red' as const);

/** The panel's heartbeat timeout and the signals (independent of each other). */
const panelAndSignalsArb = secondsArb(1, 60).chain((heartbeatTimeoutSeconds) => {
  const maxGrace = 10_000;
  return record({
    panel: fc.constant({ heartbeatTimeoutSeconds }),
    signals: record({
      holdToContinue: fc.option(
        record({ graceMs: fc.integer({ min: 200, max: maxGrace }), action: actionArb }),
        { freq: 2 },
      ),
      tapPattern: fc.option(
        record({
          taps: fc.integer({ min: 2, max: 5 }),
          withinMs: fc.integer({ min: 300, max: 10_000 }),
          action: actionArb,
        }),
        { freq: 3 },
      ),
    }),
  });
});

const restraintArb: fc.Arbitrary<Agreement['restraint']> = fc.oneof(
  record({ used: fc.constant(true), checkIntervalSeconds: secondsArb(30, 600) }),
  record({ used: fc.constant(false), checkIntervalSeconds: fc.option(secondsArb(30, 600)) }),
);

/**
 * Lubricant reminders: often left out (as in agreements from before they existed), sometimes
 * null, otherwise an interval kept to minutes so random scenes see a few of them.
 */
const lubricantArb: fc.Arbitrary<Pick<Agreement, 'lubricant'>> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 2 },
  { arbitrary: fc.constant({ lubricant: { reminderIntervalSeconds: null } }), weight: 1 },
  {
    arbitrary: fc
      .oneof({ arbitrary: secondsArb(60, 90), weight: 3 }, secondsArb(60, 3600))
      .map((reminderIntervalSeconds) => ({ lubricant: { reminderIntervalSeconds } })),
    weight: 3,
  },
);

/**
 * Detection (agreement.detection): often left out (as in agreements from before it existed);
 * otherwise either rule for a detected orgasm and a distress that only prompts, slows or stops.
 */
export const detectionArb: fc.Arbitrary<Pick<Agreement, 'detection'>> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 2 },
  {
    arbitrary: record({
      sensorOrgasm: fc.constantFrom('start-post-orgasm' as const, 'ask-dominant' as const),
      distress: fc.option(
        record({
          hrCeilingBpm: fc.integer({ min: 80, max: 220 }),
          sustainSeconds: secondsArb(5, 300),
          action: fc.constantFrom('yellow' as const, 'red' as const),
        }),
        { freq: 4 },
      ),
    }).map((detection) => ({ detection })),
    weight: 3,
  },
);

/**
 * What the partners agreed in words (activities, toys, safewords, notes): each often left out,
 * as in agreements from before they existed. Never padded with spaces (the schema refuses it).
 */
const wordArb = (max: number) =>
  fc.string({ minLength: 1, maxLength: max }).filter((w) => w.trim() === w && w.length > 0);
export const wordsArb: fc.Arbitrary<
  Pick<Agreement, 'activities' | 'toys' | 'safewords' | 'notes'>
> = record({
  activities: fc.option(fc.uniqueArray(wordArb(80), { maxLength: 6 }), { nil: undefined }),
  toys: fc.option(fc.array(wordArb(120), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  safewords: fc.option(
    record({ red: wordArb(40), yellow: wordArb(40), nonVerbal: fc.option(wordArb(200)) }).filter(
      (w) => w.red.toLowerCase() !== w.yellow.toLowerCase(),
    ),
    { nil: undefined },
  ),
  notes: fc.option(fc.string({ maxLength: 2000 }), { nil: undefined }),
}).map((words) => Object.fromEntries(Object.entries(words).filter(([, v]) => v !== undefined)));

const participants = {
  pair: [
    { id: 'alex', name: 'Alex', role: 'dominant' },
    { id: 'sam', name: 'Sam', role: 'submissive' },
  ],
  solo: [{ id: 'rin', name: 'Rin', role: 'submissive' }],
} as const satisfies Record<Agreement['mode'], Agreement['participants']>;

/** A randomly generated valid agreement, pair or solo. */
export const generatedAgreementArb: fc.Arbitrary<Agreement> = fc
  .record({
    mode: fc.constantFrom('pair' as const, 'solo' as const),
    reversed: fc.boolean(),
    outputs: outputsArb,
    rampFullScaleSeconds: fc.oneof(secondsArb(1, 30), secondsArb(1, 3600)),
    warmUp: record({ seconds: secondsArb(0, 120), ceiling: levelArb }),
    play: record({ ceiling: levelArb, maxSeconds: fc.option(secondsArb(1, 600), { freq: 3 }) }),
    orgasm: record({
      max: fc.integer({ min: 1, max: 4 }),
      notBeforeSeconds: secondsArb(0, 300),
      early: fc.constantFrom('post-orgasm' as const, 'stop' as const),
      phaseSeconds: secondsArb(0, 60),
    }),
    postOrgasm: record({ maxSeconds: secondsArb(1, 300), ceiling: levelArb }),
    checkIn: checkInArb,
    yellow: record({ factor: levelArb }),
    panelAndSignals: panelAndSignalsArb,
    restraint: restraintArb,
    aftercare: record({
      minutes: fc.oneof(fc.constant(0), secondsArb(0, 30)),
      items: fc.array(fc.constantFrom('water', 'a blanket', 'a hug'), { maxLength: 3 }),
    }),
    plan: fc.option(planArb, { freq: 2 }),
    soloPlan: planArb,
    lubricant: lubricantArb,
    detection: detectionArb,
    words: wordsArb,
  })
  .map(
    ({
      mode,
      reversed,
      panelAndSignals,
      plan,
      soloPlan,
      lubricant,
      detection,
      words,
      ...rest
    }): Agreement => {
      const people =
        mode === 'pair' && reversed ? [...participants.pair].reverse() : participants[mode];
      return {
        version: 1,
        mode,
        participants: [...people],
        ...rest,
        ...panelAndSignals,
        ...lubricant,
        ...detection,
        ...words,
        plan: mode === 'solo' ? soloPlan : plan,
      };
    },
  );

/** The fixtures, often, and generated agreements otherwise. */
export const agreementArb: fc.Arbitrary<Agreement> = fc.oneof(
  { arbitrary: fc.constant(pairAgreement), weight: 2 },
  { arbitrary: fc.constant(soloAgreement), weight: 1 },
  { arbitrary: generatedAgreementArb, weight: 4 },
);
