import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTPUT_KINDS, parseAgreement, type Agreement } from '../../core/agreement/agreement';
import { agreement as calm } from '../test-support/view.test-support';
import { agreementToForm, formToAgreement, type AgreementForm } from './agreement-form';
import { checkForm, sortServerError } from './field-errors';

const base: Agreement = {
  ...calm,
  participants: [
    { id: 'dominant', name: 'Robin', role: 'dominant' },
    { id: 'submissive', name: 'Kai', role: 'submissive' },
  ],
  activities: ['hands'],
  safewords: { red: 'red', yellow: 'yellow', nonVerbal: null },
};

const roundTrip = (a: Agreement) => formToAgreement(agreementToForm(a), a);

describe('agreement form', () => {
  it('shows levels as percentages, milliseconds as seconds and long spans as minutes', () => {
    const form = agreementToForm(base);
    expect(form.outputs).toEqual([{ kind: 'vibrate', allowed: true, percent: '80' }]);
    expect(form.warmUpPercent).toBe('30');
    expect(form.playMinutes).toBe('15');
    expect(form.holdGraceSeconds).toBe('2');
    expect(form.tapsWithinSeconds).toBe('1.5');
    expect(form.restraintCheckMinutes).toBe('5');
    expect(form.aftercareItems).toBe('water\na warm blanket');
  });

  it('adds a row, not allowed, for each kind the toys have that the agreement does not', () => {
    const form = agreementToForm(base, ['rotate']);
    expect(form.outputs.map((o) => [o.kind, o.allowed])).toEqual([
      ['vibrate', true],
      ['rotate', false],
    ]);
    expect(roundTrip(base)).toEqual({ ok: true, value: base });
  });

  it('reads changed values back exactly', () => {
    const form: AgreementForm = {
      ...agreementToForm(base),
      playPercent: '7',
      playMinutes: '',
      holdOn: false,
      tapsWithinSeconds: '0.75',
      toys: ['Wand'],
      nonVerbal: ' drop the ball ',
      aftercareItems: ' water \n\n tea',
    };
    const result = formToAgreement(form, base);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.play).toEqual({ ceiling: 0.07, maxSeconds: null });
    expect(result.value.signals.holdToContinue).toBeNull();
    expect(result.value.signals.tapPattern?.withinMs).toBe(750);
    expect(result.value.toys).toEqual(['Wand']);
    expect(result.value.safewords?.nonVerbal).toBe('drop the ball');
    expect(result.value.aftercare.items).toEqual(['water', 'tea']);
  });

  it('leaves toys out when none is ticked, and keeps the other optional parts as they were', () => {
    const bare: Agreement = { ...calm };
    const result = roundTrip(bare);
    expect(result).toEqual({ ok: true, value: bare });
    if (result.ok) {
      expect('toys' in result.value).toBe(false);
      expect('lubricant' in result.value).toBe(false);
      expect('detection' in result.value).toBe(false);
    }
  });

  it('names each field whose text is not a number', () => {
    const result = formToAgreement(
      { ...agreementToForm(base), checkInSeconds: 'soon', warmUpPercent: '' },
      base,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        'checkIn.intervalSeconds': 'Please enter a number.',
        'warmUp.ceiling': 'Please fill this in.',
      },
    });
  });

  it("checks the agreement's own rules, in the form's units, by field", () => {
    const checked = checkForm(
      {
        ...agreementToForm(base),
        answerSeconds: '90',
        playPercent: '120',
        holdGraceSeconds: '0.1',
        red: 'Stop',
        yellow: 'stop',
        restraintCheckMinutes: '',
      },
      base,
    );
    if (checked.ok) throw new Error('expected problems');
    expect(checked.fields).toEqual({
      'checkIn.answerTimeoutSeconds': 'must be shorter than checkIn.intervalSeconds',
      'play.ceiling': 'must be between 0 and 100 %',
      'signals.holdToContinue.graceMs': 'must be between 0.2 and 10 seconds',
      'safewords.yellow': 'must differ from safewords.red',
      'restraint.checkIntervalSeconds': 'is required when restraint is used',
    });
  });

  it('words range problems plainly, a wish too long by its number', () => {
    const checked = checkForm(
      {
        ...agreementToForm(base),
        aftercareItems: `water\n${'x'.repeat(201)}`,
        aftercareMinutes: '-1',
      },
      base,
    );
    if (checked.ok) throw new Error('expected problems');
    expect(checked.fields['aftercare.items']).toBe('wish 2 must be at most 200 characters');
    expect(checked.fields['aftercare.minutes']).toBe('must be at least 0');
  });

  it('asks for at least one output kind', () => {
    const form = agreementToForm(base);
    const checked = checkForm(
      { ...form, outputs: form.outputs.map((o) => ({ ...o, allowed: false })) },
      base,
    );
    expect(checked.ok ? null : checked.fields.outputs).toBe('must allow at least one output kind');
  });

  it("sorts the server's 400 answer by field", () => {
    const sorted = sortServerError(
      'agreement.checkIn.answerTimeoutSeconds: must be shorter than checkIn.intervalSeconds; agreement.aftercare.items[1]: too long; agreement.participants: must be the partners',
    );
    expect(sorted.fields).toEqual({
      'checkIn.answerTimeoutSeconds': 'must be shorter than checkIn.intervalSeconds',
      'aftercare.items': 'wish 2 too long',
    });
    expect(sorted.general).toEqual(['agreement.participants: must be the partners']);
  });
});

/** Valid agreements with values a person could type: levels any, spans to the millisecond. */
const levelArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  fc.double({ min: 0, max: 1, noNaN: true }).map((x) => Math.abs(x)),
);
const secondsArb = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max }),
    fc.integer({ min: min * 1000, max: max * 1000 }).map((ms) => ms / 1000),
  );
const wordArb = (max: number) =>
  fc
    .string({ minLength: 1, maxLength: max })
    .filter((s) => s.trim() === s && s !== '' && !s.includes('\n'));
const actionArb = fc.constantFrom('yellow' as const, 'red' as const);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const agreementArb: fc.Arbitrary<Agreement> = fc
  .record({
    kinds: fc.subarray([...OUTPUT_KINDS], { minLength: 1 }),
    ceilings: fc.array(levelArb, { minLength: 6, maxLength: 6 }),
    ramp: secondsArb(1, 3600),
    warmUp: fc.record({ seconds: secondsArb(0, 3600), ceiling: levelArb }),
    play: fc.record({ ceiling: levelArb, maxSeconds: fc.option(secondsArb(1, 4 * 3600)) }),
    orgasmMax: fc.integer({ min: 1, max: 20 }),
    postOrgasm: fc.record({ maxSeconds: secondsArb(1, 3600), ceiling: levelArb }),
    interval: fc.integer({ min: 11, max: 3600 }),
    onMissed: fc.constantFrom('pause' as const, 'stop' as const),
    yellow: levelArb,
    hold: fc.option(
      fc.record({ graceMs: fc.integer({ min: 200, max: 10_000 }), action: actionArb }),
    ),
    tap: fc.option(
      fc.record({
        taps: fc.integer({ min: 2, max: 10 }),
        withinMs: fc.integer({ min: 300, max: 10_000 }),
        action: actionArb,
      }),
    ),
    heartbeat: secondsArb(1, 60),
    restraint: fc.oneof(
      fc.record({ used: fc.constant(true), checkIntervalSeconds: secondsArb(30, 3600) }),
      fc.record({
        used: fc.constant(false),
        checkIntervalSeconds: fc.option(secondsArb(30, 3600)),
      }),
    ),
    lubricant: opt(fc.record({ reminderIntervalSeconds: fc.option(secondsArb(60, 3600)) })),
    detection: opt(
      fc.record({
        sensorOrgasm: fc.constantFrom('start-post-orgasm' as const, 'ask-dominant' as const),
        distress: fc.option(
          fc.record({
            hrCeilingBpm: fc.integer({ min: 80, max: 220 }),
            sustainSeconds: secondsArb(5, 300),
            action: actionArb,
          }),
        ),
      }),
    ),
    activities: opt(fc.uniqueArray(wordArb(80), { maxLength: 5 })),
    toys: opt(fc.array(wordArb(120), { minLength: 1, maxLength: 4 })),
    safewords: opt(
      fc.record({ red: wordArb(40), yellow: wordArb(40), nonVerbal: fc.option(wordArb(200)) }),
    ),
    notes: opt(fc.string({ maxLength: 2000 })),
    aftercare: fc.record({
      minutes: fc.integer({ min: 0, max: 24 * 60 }),
      items: fc.array(wordArb(200), { maxLength: 5 }),
    }),
  })
  .map((g): Agreement => {
    const outputs: Agreement['outputs'] = {};
    g.kinds.forEach((k, i) => (outputs[k] = { ceiling: g.ceilings[i] ?? 0 }));
    const a: Agreement = {
      ...base,
      outputs,
      rampFullScaleSeconds: g.ramp,
      warmUp: g.warmUp,
      play: g.play,
      orgasm: { ...base.orgasm, max: g.orgasmMax },
      postOrgasm: g.postOrgasm,
      checkIn: {
        intervalSeconds: g.interval,
        answerTimeoutSeconds: Math.min(10, g.interval - 1),
        onMissed: g.onMissed,
      },
      yellow: { factor: g.yellow },
      signals: { holdToContinue: g.hold, tapPattern: g.tap },
      panel: { heartbeatTimeoutSeconds: g.heartbeat },
      restraint: g.restraint,
      aftercare: g.aftercare,
    };
    delete a.activities;
    delete a.safewords;
    const extra: Partial<Agreement> = {};
    if (g.lubricant !== undefined) extra.lubricant = g.lubricant;
    if (g.detection !== undefined) extra.detection = g.detection;
    if (g.activities !== undefined) extra.activities = g.activities;
    if (g.toys !== undefined) extra.toys = g.toys;
    if (
      g.safewords !== undefined &&
      g.safewords.red.toLowerCase() !== g.safewords.yellow.toLowerCase()
    )
      extra.safewords = g.safewords;
    if (g.notes !== undefined) extra.notes = g.notes;
    return { ...a, ...extra };
  });

describe('agreement form (property)', () => {
  it('form ⇄ agreement round-trips exactly, and the result is still valid', () => {
    fc.assert(
      fc.property(agreementArb, (a) => {
        expect(parseAgreement(a).ok).toBe(true);
        expect(roundTrip(a)).toEqual({ ok: true, value: a });
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});
