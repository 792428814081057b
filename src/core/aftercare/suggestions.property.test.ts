import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementArb } from '../../../test/arbitraries/agreement';
import { expectCoverage, params } from '../../../test/support/property';
import { parseAgreement, type Agreement } from '../agreement/agreement';
import { isNarrowerOrEqual, limitsFromAgreement } from '../governor/limits';
import {
  INTENSITY_ANSWERS,
  LIMIT_ANSWERS,
  LIMIT_KINDS,
  SIGNAL_ANSWERS,
  type DebriefAnswers,
} from './debrief';
import { applySuggestions, suggestionsFrom, type AgreementChange } from './suggestions';

const anyNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 5000 }),
  fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
);

/** Any change at all, sensible or not: applying must still be safe. */
const changeArb: fc.Arbitrary<AgreementChange> = fc.oneof(
  anyNumber.map((to) => ({ kind: 'play-ceiling' as const, to })),
  anyNumber.map((to) => ({ kind: 'post-orgasm-ceiling' as const, to })),
  anyNumber.map((to) => ({ kind: 'post-orgasm-seconds' as const, to })),
  anyNumber.map((to) => ({ kind: 'check-in-interval' as const, to })),
  anyNumber.map((to) => ({ kind: 'restraint-check-interval' as const, to })),
  anyNumber.map((graceMs) => ({ kind: 'hold-to-continue' as const, graceMs })),
);

const answersArb: fc.Arbitrary<DebriefAnswers> = fc.record(
  {
    intensity: fc.constantFrom(...INTENSITY_ANSWERS),
    limit: fc.record(
      {
        answer: fc.constantFrom(...LIMIT_ANSWERS),
        which: fc.subarray([...LIMIT_KINDS]),
      },
      { noNullPrototype: true },
    ),
    signal: fc.record({ answer: fc.constantFrom(...SIGNAL_ANSWERS) }, { noNullPrototype: true }),
  },
  { requiredKeys: [], noNullPrototype: true },
);

/** Never wider: every limit the governor enforces, and every check, at most as loose as before. */
function neverWider(before: Agreement, after: Agreement): boolean {
  const restraintOk =
    before.restraint.checkIntervalSeconds === null
      ? after.restraint.checkIntervalSeconds === null
      : after.restraint.checkIntervalSeconds !== null &&
        after.restraint.checkIntervalSeconds <= before.restraint.checkIntervalSeconds;
  return (
    isNarrowerOrEqual(limitsFromAgreement(before), limitsFromAgreement(after)) &&
    after.checkIn.intervalSeconds <= before.checkIn.intervalSeconds &&
    after.checkIn.answerTimeoutSeconds === before.checkIn.answerTimeoutSeconds &&
    after.restraint.used === before.restraint.used &&
    restraintOk &&
    (before.signals.holdToContinue === null ||
      JSON.stringify(after.signals.holdToContinue) ===
        JSON.stringify(before.signals.holdToContinue)) &&
    JSON.stringify(after.signals.tapPattern) === JSON.stringify(before.signals.tapPattern) &&
    JSON.stringify(after.outputs) === JSON.stringify(before.outputs) &&
    after.warmUp === before.warmUp &&
    after.orgasm === before.orgasm
  );
}

describe('applySuggestions (property)', () => {
  it('[S3] any suggestions applied to any valid agreement give a valid agreement, never wider', () => {
    const run = params(300);
    let changed = 0;
    fc.assert(
      fc.property(
        agreementArb,
        fc.array(fc.record({ change: changeArb }), { maxLength: 8 }),
        (a, s) => {
          const after = applySuggestions(a, s);
          if (JSON.stringify(after) !== JSON.stringify(a)) changed++;
          expect(parseAgreement(after)).toEqual({ ok: true, value: after });
          expect(neverWider(a, after)).toBe(true);
        },
      ),
      run,
    );
    expectCoverage('suggestions that changed the agreement', changed, run, 0.3);
  });

  it('[S3] what suggestionsFrom proposes for an agreement applies to it, valid and never wider', () => {
    const run = params(300);
    let suggested = 0;
    fc.assert(
      fc.property(
        agreementArb,
        fc.array(
          fc.record(
            {
              role: fc.constantFrom('dominant' as const, 'submissive' as const),
              answers: answersArb,
            },
            { noNullPrototype: true },
          ),
          { maxLength: 2 },
        ),
        (a, debriefs) => {
          const s = suggestionsFrom(debriefs, a);
          if (s.length > 0) suggested++;
          const after = applySuggestions(a, s);
          expect(parseAgreement(after)).toEqual({ ok: true, value: after });
          expect(neverWider(a, after)).toBe(true);
          // Every suggestion changes something: none is a no-op dressed as advice.
          for (const one of s) expect(applySuggestions(a, [one])).not.toEqual(a);
        },
      ),
      run,
    );
    expectCoverage('debriefs that led to suggestions', suggested, run, 0.3);
  });
});
