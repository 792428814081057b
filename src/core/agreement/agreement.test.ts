import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldPath } from '../validation';
import {
  distressRule,
  lubricantIntervalSeconds,
  parseAgreement,
  sensorOrgasmRule,
  type Agreement,
} from './agreement';
import { generatedAgreementArb } from '../../../test/arbitraries/agreement';
import { pairAgreement, soloAgreement } from '../../../test/fixtures/agreements';
import { params } from '../../../test/support/property';

/** The errors for an input that must be refused. */
function errorsOf(input: unknown): string[] {
  const result = parseAgreement(input);
  if (result.ok) throw new Error('the input was accepted');
  return result.errors;
}

const pair = (patch: Record<string, unknown>): unknown => ({ ...pairAgreement, ...patch });
const solo = (patch: Record<string, unknown>): unknown => ({ ...soloAgreement, ...patch });

describe('parseAgreement', () => {
  it('accepts the fixtures unchanged', () => {
    for (const a of [pairAgreement, soloAgreement]) {
      expect(parseAgreement(a)).toStrictEqual({ ok: true, value: a });
    }
  });

  it('accepts every generated agreement', () => {
    fc.assert(
      fc.property(generatedAgreementArb, (a) => {
        expect(parseAgreement(a)).toStrictEqual({ ok: true, value: a });
      }),
      params(1000),
    );
  });

  it.each<[string, unknown, string]>([
    [
      'an answer timeout not shorter than the interval',
      pair({ checkIn: { intervalSeconds: 30, answerTimeoutSeconds: 30, onMissed: 'stop' } }),
      'checkIn.answerTimeoutSeconds: must be shorter than checkIn.intervalSeconds',
    ],
    [
      'a pair without a dominant',
      pair({
        participants: [
          { id: 'a', name: 'A', role: 'submissive' },
          { id: 'b', name: 'B', role: 'submissive' },
        ],
      }),
      'participants: a pair needs one dominant and one submissive',
    ],
    [
      'a pair of one',
      pair({ participants: [{ id: 'a', name: 'A', role: 'submissive' }] }),
      'participants: a pair needs one dominant and one submissive',
    ],
    [
      'the same id twice',
      pair({
        participants: [
          { id: 'a', name: 'A', role: 'dominant' },
          { id: 'a', name: 'B', role: 'submissive' },
        ],
      }),
      'participants: participant ids must differ',
    ],
    [
      'solo without a plan',
      solo({ plan: null }),
      'plan: solo mode needs a plan to play the dominant part',
    ],
    [
      'solo as the dominant',
      solo({ participants: [{ id: 'a', name: 'A', role: 'dominant' }] }),
      'participants: solo mode has exactly one participant, in the submissive role',
    ],
    [
      'restraint without checks',
      pair({ restraint: { used: true, checkIntervalSeconds: null } }),
      'restraint.checkIntervalSeconds: is required when restraint is used',
    ],
    [
      'a ceiling above full scale',
      pair({ outputs: { vibrate: { ceiling: 1.2 } } }),
      'outputs.vibrate.ceiling: must be at most 1',
    ],
    ['no output kind', pair({ outputs: {} }), 'outputs: must allow at least one output kind'],
    [
      'an unknown output kind',
      pair({ outputs: { vibrate: { ceiling: 0.5 }, shock: { ceiling: 0.1 } } }),
      'outputs: unknown key: "shock"',
    ],
    ['an unknown key', pair({ colour: 'red' }), '(root): unknown key: "colour"'],
    [
      'an unknown nested key',
      pair({ warmUp: { seconds: 60, ceiling: 0.3, skip: true } }),
      'warmUp: unknown key: "skip"',
    ],
    ['another version', pair({ version: 2 }), 'version: must be 1'],
    [
      'an unknown role',
      pair({
        participants: [
          { id: 'a', name: 'A', role: 'dominant' },
          { id: 'b', name: 'B', role: 'boss' },
        ],
      }),
      'participants[1].role: must be "dominant" or "submissive"',
    ],
    [
      'a fractional orgasm count',
      pair({ orgasm: { ...pairAgreement.orgasm, max: 1.5 } }),
      'orgasm.max: must be a whole number',
    ],
    [
      'a ramp faster than a second',
      pair({ rampFullScaleSeconds: 0.5 }),
      'rampFullScaleSeconds: must be at least 1 seconds',
    ],
    [
      'a post-orgasm phase of an hour and more',
      pair({ postOrgasm: { maxSeconds: 3601, ceiling: 0.5 } }),
      'postOrgasm.maxSeconds: must be at most 3600 seconds',
    ],
    [
      'plan steps out of order',
      solo({
        plan: {
          ...soloAgreement.plan,
          play: [
            { afterSeconds: 5, level: 0.1 },
            { afterSeconds: 5, level: 0.2 },
          ],
        },
      }),
      'plan.play: steps must be in increasing afterSeconds order',
    ],
    [
      'a yellow factor above 1',
      pair({ yellow: { factor: 1.5 } }),
      'yellow.factor: must be at most 1',
    ],
    [
      'lubricant reminders more often than a minute',
      pair({ lubricant: { reminderIntervalSeconds: 59 } }),
      'lubricant.reminderIntervalSeconds: must be at least 60 seconds',
    ],
    [
      'lubricant reminders further apart than an hour',
      pair({ lubricant: { reminderIntervalSeconds: 3601 } }),
      'lubricant.reminderIntervalSeconds: must be at most 3600 seconds',
    ],
    [
      'lubricant without its interval',
      pair({ lubricant: {} }),
      'lubricant.reminderIntervalSeconds: is required',
    ],
    [
      'a detected orgasm with an unknown rule',
      pair({ detection: { sensorOrgasm: 'always', distress: null } }),
      'detection.sensorOrgasm: must be "start-post-orgasm" or "ask-dominant"',
    ],
    [
      'a distress ceiling below 80 bpm',
      pair({
        detection: {
          sensorOrgasm: 'ask-dominant',
          distress: { hrCeilingBpm: 79, sustainSeconds: 30, action: 'red' },
        },
      }),
      'detection.distress.hrCeilingBpm: must be at least 80 bpm',
    ],
    [
      'a distress ceiling of a fraction of a beat',
      pair({
        detection: {
          sensorOrgasm: 'ask-dominant',
          distress: { hrCeilingBpm: 150.5, sustainSeconds: 30, action: 'red' },
        },
      }),
      'detection.distress.hrCeilingBpm: must be a whole number',
    ],
    [
      'a distress held for less than 5 seconds',
      pair({
        detection: {
          sensorOrgasm: 'ask-dominant',
          distress: { hrCeilingBpm: 150, sustainSeconds: 4, action: 'red' },
        },
      }),
      'detection.distress.sustainSeconds: must be at least 5 seconds',
    ],
    [
      'a distress mapped to a pause',
      pair({
        detection: {
          sensorOrgasm: 'ask-dominant',
          distress: { hrCeilingBpm: 150, sustainSeconds: 30, action: 'pause' },
        },
      }),
      'detection.distress.action: must be "yellow" or "red"',
    ],
    [
      'detection without its distress',
      pair({ detection: { sensorOrgasm: 'ask-dominant' } }),
      'detection.distress: is required',
    ],
  ])('refuses %s, naming the field', (_, input, message) => {
    expect(errorsOf(input)).toContain(message);
  });

  it('takes lubricant reminders as optional: absent, null or an interval of 60–3600 s', () => {
    for (const lubricant of [{ reminderIntervalSeconds: null }, { reminderIntervalSeconds: 60 }]) {
      const a: Agreement = { ...pairAgreement, lubricant };
      expect(parseAgreement(a)).toStrictEqual({ ok: true, value: a });
      expect(lubricantIntervalSeconds(a)).toBe(lubricant.reminderIntervalSeconds);
    }
    expect('lubricant' in pairAgreement).toBe(false);
    expect(lubricantIntervalSeconds(pairAgreement)).toBeNull();
  });

  it('takes detection as optional: absent means a detected orgasm asks the dominant and distress only prompts', () => {
    const a: Agreement = {
      ...pairAgreement,
      detection: {
        sensorOrgasm: 'start-post-orgasm',
        distress: { hrCeilingBpm: 160, sustainSeconds: 30, action: 'yellow' },
      },
    };
    expect(parseAgreement(a)).toStrictEqual({ ok: true, value: a });
    expect(sensorOrgasmRule(a)).toBe('start-post-orgasm');
    expect(distressRule(a)).toStrictEqual({
      hrCeilingBpm: 160,
      sustainSeconds: 30,
      action: 'yellow',
    });
    expect('detection' in pairAgreement).toBe(false);
    expect(sensorOrgasmRule(pairAgreement)).toBe('ask-dominant');
    expect(distressRule(pairAgreement)).toBeNull();
  });

  it('refuses what is not an agreement at all', () => {
    expect(errorsOf(null)).toStrictEqual(['(root): must be an object']);
    expect(errorsOf('agreement')).toHaveLength(1);
    expect(errorsOf({})).toEqual(expect.arrayContaining([expect.stringMatching(/^version: /)]));
  });

  it('names every problem, one message each', () => {
    const errors = errorsOf(
      pair({ yellow: { factor: 2 }, warmUp: { seconds: -1, ceiling: 0.3 }, play: null }),
    );
    expect(errors.map((e) => e.split(':')[0]).sort()).toStrictEqual([
      'play',
      'warmUp.seconds',
      'yellow.factor',
    ]);
  });

  it('changes nothing it accepts (no coercion)', () => {
    const a: Agreement = structuredClone(pairAgreement);
    const result = parseAgreement(a);
    expect(result.ok && result.value).toStrictEqual(pairAgreement);
    expect(errorsOf(pair({ rampFullScaleSeconds: '20' }))[0]).toMatch(/^rampFullScaleSeconds: /);
  });
});

describe('fieldPath', () => {
  it('formats paths as they read in the agreement', () => {
    expect(fieldPath(['checkIn', 'answerTimeoutSeconds'])).toBe('checkIn.answerTimeoutSeconds');
    expect(fieldPath(['participants', 1, 'role'])).toBe('participants[1].role');
    expect(fieldPath([])).toBe('(root)');
    expect(fieldPath(['warmUp'], 'agreement')).toBe('agreement.warmUp');
  });
});

describe('what the partners agreed in words', () => {
  const words = {
    activities: ['hands', 'custom:feather'],
    toys: ['Wand'],
    safewords: { red: 'red', yellow: 'slow', nonVerbal: 'drop the ball' },
    notes: 'No tickling.',
  };

  it('accepts activities, toys, safewords and notes, and leaves them out when absent', () => {
    expect(parseAgreement(pair(words)).ok).toBe(true);
    expect('safewords' in pairAgreement).toBe(false);
  });

  it('names each wrong field', () => {
    expect(errorsOf(pair({ activities: ['a', 'a'] }))).toEqual([
      'activities: must not list an activity twice',
    ]);
    expect(errorsOf(pair({ toys: [] }))).toEqual([
      'toys: must name at least one toy, or be left out',
    ]);
    expect(errorsOf(pair({ safewords: { red: 'Stop', yellow: 'stop', nonVerbal: null } }))).toEqual(
      ['safewords.yellow: must differ from safewords.red'],
    );
    expect(errorsOf(pair({ notes: 'x'.repeat(2001) }))).toEqual([
      'notes: must be at most 2000 characters',
    ]);
  });
});
