import { z } from 'zod';
import { agreementSchema, OUTPUT_KINDS } from '../agreement/agreement';

/**
 * Everything that can happen to a scene. A scene's state is the fold of these (S7), so this is
 * also the shape of the durable log. Times are milliseconds on one monotonic clock passed in by
 * the shell; the core never reads a clock.
 */

const at = z.int('must be a whole number of milliseconds').min(0).max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1).max(64);
const level = z.number().min(0).max(1);
/** Who sent an event. "sensor" is a detector; "system" is the shell itself (timers, devices). */
export const actorSchema = z.enum(['dominant', 'submissive', 'sensor', 'system']);
export type Actor = z.infer<typeof actorSchema>;

export const featureSpecSchema = z.strictObject({ id, kind: z.enum(OUTPUT_KINDS) });
export const deviceSpecSchema = z.strictObject({
  id,
  name: z.string().min(1).max(120),
  features: z.array(featureSpecSchema).min(1).max(16),
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
  z.strictObject({ kind: z.literal('ramp'), fullScaleSeconds: z.number().min(1).max(3600) }),
  z.strictObject({ kind: z.literal('post-orgasm-seconds'), value: z.number().min(0).max(3600) }),
  z.strictObject({ kind: z.literal('orgasms'), value: z.int().min(0).max(20) }),
]);
export type LimitChange = z.infer<typeof limitChangeSchema>;

const by = actorSchema;
export const sceneEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('scene.created'),
    at,
    sceneId: id,
    agreement: agreementSchema,
    devices: z.array(deviceSpecSchema).max(16),
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
  z.strictObject({ type: z.literal('limit.lowered'), at, by, limit: limitChangeSchema }),
  z.strictObject({ type: z.literal('consent.withdrawn'), at, by }),
  z.strictObject({ type: z.literal('scene.end'), at, by }),
  z.strictObject({ type: z.literal('phase.next'), at, by }),
  z.strictObject({ type: z.literal('tick'), at }),
]);
export type SceneEvent = z.infer<typeof sceneEventSchema>;
export type SceneEventType = SceneEvent['type'];
export type EventOf<T extends SceneEventType> = Extract<SceneEvent, { type: T }>;
export type CreatedEvent = EventOf<'scene.created'>;
