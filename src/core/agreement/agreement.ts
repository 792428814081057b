import { z } from 'zod';
import { parseWith, type Result } from '../validation';

/**
 * The agreement both partners sign before a scene (DESIGN.md "The life of a scene", step 1).
 * Everything the governor and the scene machine enforce comes from here. Units are in the field
 * names (`…Seconds`, `…Ms`); levels are fractions of a device's full scale, 0–1.
 */

/** Output kinds a toy may have (Buttplug spec v4 names), which an agreement can allow. */
export const OUTPUT_KINDS = [
  'vibrate',
  'rotate',
  'oscillate',
  'constrict',
  'position',
  'temperature',
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export const ROLES = ['dominant', 'submissive'] as const;
export type Role = (typeof ROLES)[number];

const level = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');
const seconds = (min: number, max: number) =>
  z.number().min(min, `must be at least ${min} seconds`).max(max, `must be at most ${max} seconds`);
const action = z.enum(['yellow', 'red']);
/**
 * Words people typed, checked but never changed (no trimming): the agreement is signed by its
 * hash, so what is stored must be exactly what was signed.
 */
const words = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => v.trim() === v, 'must not start or end with a space');

const participant = z.strictObject({
  id: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  name: z.string().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  role: z.enum(ROLES),
});

const planStep = z.strictObject({
  afterSeconds: seconds(0, 24 * 3600),
  level,
});
const planSteps = z
  .array(planStep)
  .min(1, 'needs at least one step')
  .max(100, 'must have at most 100 steps')
  .refine(
    (steps) => steps.every((s, i) => i === 0 || s.afterSeconds > (steps[i - 1]?.afterSeconds ?? 0)),
    'steps must be in increasing afterSeconds order',
  );

export const agreementSchema = z
  .strictObject({
    version: z.literal(1),
    mode: z.enum(['pair', 'solo']),
    participants: z.array(participant).min(1, 'needs at least one participant').max(2),
    /** Allowed outputs per device kind, each with its hard ceiling. Kinds not listed stay at 0. */
    outputs: z
      .partialRecord(z.enum(OUTPUT_KINDS), z.strictObject({ ceiling: level }))
      .refine((o) => Object.keys(o).length > 0, 'must allow at least one output kind'),
    /** The fastest allowed rise: 0 to full scale takes at least this long. */
    rampFullScaleSeconds: seconds(1, 3600),
    warmUp: z.strictObject({ seconds: seconds(0, 3600), ceiling: level }),
    play: z.strictObject({
      ceiling: level,
      /** Play ends (a stop, cause "time") if no orgasm has come by then; null = no limit. */
      maxSeconds: seconds(1, 4 * 3600).nullable(),
    }),
    orgasm: z.strictObject({
      /** How many orgasms the scene allows; one more stops it. */
      max: z.int('must be a whole number').min(1, 'must be at least 1').max(20),
      /** Counted from the start of the scene; an orgasm before this is "early". */
      notBeforeSeconds: seconds(0, 4 * 3600),
      /** What an early orgasm leads to. */
      early: z.enum(['post-orgasm', 'stop']),
      /** How long the orgasm phase lasts before the post-orgasm phase begins. */
      phaseSeconds: seconds(0, 120),
    }),
    postOrgasm: z.strictObject({
      /** Counted from the (first) orgasm; never exceeded. */
      maxSeconds: seconds(1, 3600),
      ceiling: level,
    }),
    checkIn: z.strictObject({
      intervalSeconds: seconds(10, 3600),
      answerTimeoutSeconds: seconds(3, 600),
      onMissed: z.enum(['pause', 'stop']),
    }),
    /** Yellow multiplies every output by this factor and holds it there until green. */
    yellow: z.strictObject({ factor: level }),
    signals: z.strictObject({
      holdToContinue: z.strictObject({ graceMs: z.int().min(200).max(10_000), action }).nullable(),
      tapPattern: z
        .strictObject({
          taps: z.int().min(2, 'must be at least 2 taps').max(10),
          withinMs: z.int().min(300).max(10_000),
          action,
        })
        .nullable(),
    }),
    panel: z.strictObject({ heartbeatTimeoutSeconds: seconds(1, 60) }),
    restraint: z.strictObject({
      used: z.boolean(),
      checkIntervalSeconds: seconds(30, 3600).nullable(),
    }),
    /**
     * Lubricant reminders: a prompt to the dominant (solo: the person alone) this long after the
     * start and every interval after, in active phases; null = none. Optional, so agreements
     * signed before it existed keep their content and their hash.
     */
    lubricant: z.strictObject({ reminderIntervalSeconds: seconds(60, 3600).nullable() }).optional(),
    /**
     * What detectors (core/detection, sensor events) may do in a scene: whether a detected orgasm
     * starts the post-orgasm course itself or asks the dominant to confirm, and which heart rate
     * means distress, for how long, and what it then does (null = only a prompt to the
     * dominant). Optional, so agreements signed before it existed keep their content and hash.
     */
    detection: z
      .strictObject({
        sensorOrgasm: z.enum(['start-post-orgasm', 'ask-dominant']),
        distress: z
          .strictObject({
            hrCeilingBpm: z
              .int('must be a whole number')
              .min(80, 'must be at least 80 bpm')
              .max(220, 'must be at most 220 bpm'),
            sustainSeconds: seconds(5, 300),
            action,
          })
          .nullable(),
      })
      .optional(),
    /**
     * What the partners agreed in words (issue 5's editor), shown to both during the scene and
     * in print; the governor does not read them. Each is optional, so agreements written before
     * they existed keep their content and their hash.
     *
     * `activities`: ids of catalogue items both welcomed (the couple's own included).
     */
    activities: z
      .array(z.string().min(1, 'must not be empty').max(80, 'must be at most 80 characters'))
      .max(200, 'must have at most 200 activities')
      .refine((ids) => new Set(ids).size === ids.length, 'must not list an activity twice')
      .optional(),
    /**
     * The toys agreed, by the name their device server gives them ("Lovense Hush"), compared
     * without case: a scene may use only these (see `agreementCovers`).
     */
    toys: z
      .array(words(120))
      .min(1, 'must name at least one toy, or be left out')
      .max(16, 'must have at most 16 toys')
      .optional(),
    /**
     * The spoken safewords and the signal for when speaking is not possible (a dropped object, a
     * hand squeezed three times). Panel buttons and taps are in `signals`.
     */
    safewords: z
      .strictObject({ red: words(40), yellow: words(40), nonVerbal: words(200).nullable() })
      .optional(),
    notes: z.string().max(2000, 'must be at most 2000 characters').optional(),
    aftercare: z.strictObject({
      minutes: z
        .number()
        .min(0)
        .max(24 * 60),
      items: z.array(z.string().min(1).max(200)).max(50),
    }),
    /** Solo mode: the plan plays the dominant's part. Levels per phase, from the phase's start. */
    plan: z.strictObject({ warmUp: planSteps, play: planSteps, postOrgasm: planSteps }).nullable(),
  })
  .superRefine((a, ctx) => {
    const issue = (path: (string | number)[], message: string) => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const roles = a.participants.map((p) => p.role);
    if (a.mode === 'pair') {
      if (
        a.participants.length !== 2 ||
        !roles.includes('dominant') ||
        !roles.includes('submissive')
      )
        issue(['participants'], 'a pair needs one dominant and one submissive');
    } else {
      if (a.participants.length !== 1 || roles[0] !== 'submissive')
        issue(['participants'], 'solo mode has exactly one participant, in the submissive role');
      if (a.plan === null) issue(['plan'], 'solo mode needs a plan to play the dominant part');
    }
    const ids = a.participants.map((p) => p.id);
    if (new Set(ids).size !== ids.length) issue(['participants'], 'participant ids must differ');
    if (a.checkIn.answerTimeoutSeconds >= a.checkIn.intervalSeconds)
      issue(['checkIn', 'answerTimeoutSeconds'], 'must be shorter than checkIn.intervalSeconds');
    if (
      a.safewords !== undefined &&
      a.safewords.red.toLowerCase() === a.safewords.yellow.toLowerCase()
    )
      issue(['safewords', 'yellow'], 'must differ from safewords.red');
    if (a.restraint.used && a.restraint.checkIntervalSeconds === null)
      issue(['restraint', 'checkIntervalSeconds'], 'is required when restraint is used');
  });

export type Agreement = z.infer<typeof agreementSchema>;

/** How often lubricant reminders come, in seconds, or null when the agreement asks for none. */
export function lubricantIntervalSeconds(agreement: Agreement): number | null {
  return agreement.lubricant?.reminderIntervalSeconds ?? null;
}

export type Detection = NonNullable<Agreement['detection']>;

/** What a detected orgasm does: absent means the dominant confirms it by hand. */
export function sensorOrgasmRule(agreement: Agreement): Detection['sensorOrgasm'] {
  return agreement.detection?.sensorOrgasm ?? 'ask-dominant';
}

/** The agreed answer to a detected distress, or null when it only prompts the dominant. */
export function distressRule(agreement: Agreement): Detection['distress'] {
  return agreement.detection?.distress ?? null;
}

/** Validates untrusted input as an agreement. Nothing is coerced; every problem is named. */
export function parseAgreement(input: unknown): Result<Agreement> {
  return parseWith(agreementSchema, input);
}
