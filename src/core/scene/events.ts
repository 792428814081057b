import { z } from 'zod';
import { agreementSchema, OUTPUT_KINDS } from '../agreement/agreement';

/**
 * Everything that can happen to a scene. A scene's state is the fold of these (S7), so this is
 * also the shape of the durable log. Times are milliseconds on one monotonic clock passed in by
 * the shell; the core never reads a clock.
 */

const at = z
  .int('must be a whole number of milliseconds')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');
const id = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const level = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');
/** Who sent an event. "sensor" is a detector; "system" is the shell itself (timers, devices). */
export const actorSchema = z.enum(['dominant', 'submissive', 'sensor', 'system']);
export type Actor = z.infer<typeof actorSchema>;

export const featureSpecSchema = z.strictObject({ id, kind: z.enum(OUTPUT_KINDS) });
export const deviceSpecSchema = z.strictObject({
  id,
  name: z.string().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  features: z
    .array(featureSpecSchema)
    .min(1, 'needs at least one feature')
    .max(16, 'must have at most 16 features'),
});

/**
 * Outputs are named `device/feature` (the governor's keys), so ids must be unique and free of
 * "/": otherwise two outputs could share one key and drive each other.
 */
export const devicesSchema = z
  .array(deviceSpecSchema)
  .max(16, 'must have at most 16 devices')
  .superRefine((devices, ctx) => {
    const issue = (path: (string | number)[], message: string) => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const slash = 'must not contain "/" (outputs are named device/feature)';
    devices.forEach((device, i) => {
      if (device.id.includes('/')) issue([i, 'id'], slash);
      const first = devices.findIndex((d) => d.id === device.id);
      if (first !== i) issue([i, 'id'], `"${device.id}" is already used by devices[${first}]`);
      device.features.forEach((feature, k) => {
        const path = [i, 'features', k, 'id'];
        if (feature.id.includes('/')) issue(path, slash);
        const firstFeature = device.features.findIndex((f) => f.id === feature.id);
        if (firstFeature !== k)
          issue(
            path,
            `"${feature.id}" is already used by features[${firstFeature}] of this device`,
          );
      });
    });
  });
export type FeatureSpec = z.infer<typeof featureSpecSchema>;
export type DeviceSpec = z.infer<typeof deviceSpecSchema>;

export const limitChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('output-ceiling'), output: z.enum(OUTPUT_KINDS), value: level }),
  z.strictObject({
    kind: z.literal('phase-ceiling'),
    phase: z.enum(['warm-up', 'play', 'post-orgasm']),
    value: level,
  }),
  z.strictObject({
    kind: z.literal('ramp'),
    fullScaleSeconds: z
      .number()
      .min(1, 'must be at least 1 second')
      .max(3600, 'must be at most 3600 seconds'),
  }),
  z.strictObject({
    kind: z.literal('post-orgasm-seconds'),
    value: z
      .number()
      .min(0, 'must be at least 0 seconds')
      .max(3600, 'must be at most 3600 seconds'),
  }),
  z.strictObject({
    kind: z.literal('orgasms'),
    value: z
      .int('must be a whole number')
      .min(0, 'must be at least 0')
      .max(20, 'must be at most 20'),
  }),
]);
export type LimitChange = z.infer<typeof limitChangeSchema>;

const by = actorSchema;
export const sceneEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('scene.created'),
    at,
    sceneId: id,
    agreement: agreementSchema,
    devices: devicesSchema,
  }),
  z.strictObject({ type: z.literal('scene.start'), at, by }),
  z.strictObject({
    type: z.literal('intensity.requested'),
    at,
    by,
    device: id,
    feature: id,
    value: level,
  }),
  z.strictObject({ type: z.literal('orgasm.marked'), at, by }),
  /**
   * A detector saw an orgasm (only "sensor" sends it): it starts the post-orgasm course when the
   * agreement says so, and otherwise asks the dominant to mark it (docs/decisions/0012).
   */
  z.strictObject({ type: z.literal('orgasm.detected'), at, by, confidence: level }),
  /** A detector saw distress (heart rate above the agreed ceiling): the agreed action follows. */
  z.strictObject({ type: z.literal('distress.detected'), at, by }),
  z.strictObject({ type: z.literal('edge.started'), at, by }),
  z.strictObject({ type: z.literal('edge.ended'), at, by }),
  z.strictObject({
    type: z.literal('checkin.answered'),
    at,
    by,
    answer: z.enum(['green', 'yellow', 'red']),
  }),
  z.strictObject({ type: z.literal('safeword'), at, by, word: z.enum(['yellow', 'red']) }),
  z.strictObject({ type: z.literal('signal.held'), at, by }),
  z.strictObject({ type: z.literal('signal.released'), at, by }),
  z.strictObject({ type: z.literal('signal.tapped'), at, by }),
  z.strictObject({ type: z.literal('panel.heartbeat'), at, by }),
  z.strictObject({ type: z.literal('device.lost'), at, by, device: id }),
  /** A short, low test pulse on one output, in set-up only (docs/decisions/0008). */
  z.strictObject({ type: z.literal('device.tested'), at, by, device: id, feature: id }),
  z.strictObject({ type: z.literal('limit.lowered'), at, by, limit: limitChangeSchema }),
  z.strictObject({ type: z.literal('consent.withdrawn'), at, by }),
  z.strictObject({ type: z.literal('scene.end'), at, by }),
  /**
   * The shell lost track of the scene (a restarted server): it comes back stopped and never
   * resumes stimulation. Only "system" sends it.
   */
  z.strictObject({ type: z.literal('scene.interrupted'), at, by }),
  z.strictObject({ type: z.literal('phase.next'), at, by }),
  z.strictObject({ type: z.literal('tick'), at }),
]);
export type SceneEvent = z.infer<typeof sceneEventSchema>;
export type SceneEventType = SceneEvent['type'];
export type EventOf<T extends SceneEventType> = Extract<SceneEvent, { type: T }>;
export type CreatedEvent = EventOf<'scene.created'>;
