import { z } from 'zod';
import {
  agreementSchema,
  parseWith,
  devicesSchema,
  limitChangeSchema,
  type DeviceSpec,
  type Result,
} from '../../core';
import { checkScenario } from './scenario-checks';

/**
 * A scenario for `redline sim`: an agreement, devices and a timeline of what people do, on a
 * simulated clock. Times here are milliseconds from the scene's creation; the agreement keeps
 * its own units (mostly seconds). docs/cli.md documents every field; keep the two in step.
 */

export const DEFAULT_DEVICES: readonly DeviceSpec[] = [
  { id: 'wand', name: 'Simulated wand', features: [{ id: 'vibrate', kind: 'vibrate' }] },
];
export const DEFAULT_TICK_MS = 100;
export const DEFAULT_HEARTBEAT_EVERY_MS = 1000;
export const DEFAULT_UNTIL_MS = 6 * 3600 * 1000;
export const MAX_UNTIL_MS = 24 * 3600 * 1000;

const whole = (min: number, max: number, unit: string) =>
  z
    .int({
      error: (i) => (i.input === undefined ? 'is required' : `must be a whole number of ${unit}`),
    })
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const time = whole(0, MAX_UNTIL_MS, 'milliseconds').meta({
  description: 'When the action happens: milliseconds from the scene’s creation (t = 0).',
});
const partner = z
  .enum(['dominant', 'submissive'], { error: 'must be "dominant" or "submissive"' })
  .optional()
  .meta({
    description: 'Who does it. Default: "dominant" in pair mode, "submissive" in solo mode.',
  });
const partnerOrSensor = z
  .enum(['dominant', 'submissive', 'sensor'], {
    error: 'must be "dominant", "submissive" or "sensor"',
  })
  .optional()
  .meta({
    description: 'Who marks it. Default: "dominant" in pair mode, "submissive" in solo mode.',
  });
const deviceId = z.string({ error: 'is required' }).min(1, 'must not be empty');
const level = z
  .number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a number') })
  .min(0, 'must be at least 0')
  .max(1, 'must be at most 1');

const simple = <const D extends string>(name: D, description: string) =>
  z.strictObject({ t: time, do: z.literal(name), by: partner }).meta({ description });
const unattributed = <const D extends string>(name: D, description: string) =>
  z.strictObject({ t: time, do: z.literal(name) }).meta({ description });

export const ACTIONS = [
  'start',
  'intensity',
  'orgasm',
  'edge-start',
  'edge-end',
  'checkin',
  'safeword',
  'hold',
  'release',
  'tap',
  'panel-silent',
  'panel-back',
  'device-lost',
  'lower-limit',
  'withdraw',
  'end',
  'next',
] as const;
export type ActionName = (typeof ACTIONS)[number];

export const timelineActionSchema = z.discriminatedUnion(
  'do',
  [
    simple('start', 'Start the scene (it needs a connected panel).'),
    z
      .strictObject({
        t: time,
        do: z.literal('intensity'),
        device: deviceId,
        feature: deviceId,
        value: level,
        by: partner,
      })
      .meta({
        description: 'Ask for a level (0–1) on one output; the governor decides what is sent.',
      }),
    z
      .strictObject({ t: time, do: z.literal('orgasm'), by: partnerOrSensor })
      .meta({ description: 'Mark an orgasm.' }),
    z
      .strictObject({ t: time, do: z.literal('edge-start'), by: partnerOrSensor })
      .meta({ description: 'Pause play stimulation near the edge (play phase only).' }),
    z
      .strictObject({ t: time, do: z.literal('edge-end'), by: partnerOrSensor })
      .meta({ description: 'End an edging pause.' }),
    z
      .strictObject({
        t: time,
        do: z.literal('checkin'),
        answer: z.enum(['green', 'yellow', 'red'], { error: 'must be "green", "yellow" or "red"' }),
      })
      .meta({ description: 'The submissive answers a check-in (always the submissive).' }),
    z
      .strictObject({
        t: time,
        do: z.literal('safeword'),
        word: z.enum(['red', 'yellow'], { error: 'must be "red" or "yellow"' }),
        by: partner,
      })
      .meta({ description: 'Say a safeword: red stops the scene, yellow lowers and holds.' }),
    unattributed('hold', 'The submissive starts holding the hold-to-continue button.'),
    unattributed('release', 'The submissive lets go of the hold-to-continue button.'),
    unattributed('tap', 'The submissive taps the panel once (for the tap pattern).'),
    unattributed('panel-silent', 'The panel stops sending heartbeats (not a scene event).'),
    unattributed('panel-back', 'The panel sends heartbeats again from the next one due.'),
    z
      .strictObject({ t: time, do: z.literal('device-lost'), device: deviceId })
      .meta({ description: 'A device disconnects (reported by the system).' }),
    z
      .strictObject({
        t: time,
        do: z.literal('lower-limit'),
        limit: limitChangeSchema,
        by: partner,
      })
      .meta({ description: 'Lower one limit mid-scene (limits only narrow).' }),
    simple('withdraw', 'Withdraw consent: stops the scene.'),
    simple('end', 'End the scene (a stop with cause "ended" while active).'),
    simple('next', 'Move on to the next phase where that is allowed.'),
  ],
  { error: `must be one of: ${ACTIONS.join(', ')}` },
);
export type TimelineAction = z.infer<typeof timelineActionSchema>;

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'For editors; ignored.' }),
    name: z.string({ error: 'is required' }).min(1, 'must not be empty').max(120),
    description: z.string().max(2000).optional(),
    agreement: agreementSchema,
    devices: devicesSchema
      .min(1, 'needs at least one device')
      // A fresh copy each time: a parsed scenario never shares objects with another.
      .default(() => structuredClone([...DEFAULT_DEVICES]))
      .meta({ description: 'The simulated devices. Default: one wand with a vibrate output.' }),
    tickMs: whole(10, 10_000, 'milliseconds')
      .default(DEFAULT_TICK_MS)
      .meta({ description: 'How often the simulated loop ticks, in milliseconds.' }),
    panel: z
      .strictObject({
        heartbeatEveryMs: whole(100, 60_000, 'milliseconds').default(DEFAULT_HEARTBEAT_EVERY_MS),
      })
      .default({ heartbeatEveryMs: DEFAULT_HEARTBEAT_EVERY_MS })
      .meta({ description: 'The simulated panel: a heartbeat every heartbeatEveryMs from t = 0.' }),
    untilMs: whole(1, MAX_UNTIL_MS, 'milliseconds')
      .default(DEFAULT_UNTIL_MS)
      .meta({ description: 'Hard stop of the simulated clock, in milliseconds.' }),
    timeline: z
      .array(timelineActionSchema, { error: 'must be a list of actions' })
      .max(10_000, 'must have at most 10000 actions'),
  })
  .superRefine(checkScenario);

export type Scenario = z.output<typeof scenarioSchema>;

/** Validates untrusted input as a scenario; every problem names its field. Nothing is run. */
export function parseScenario(input: unknown): Result<Scenario> {
  return parseWith(scenarioSchema, input);
}
