import { z } from 'zod';
import { limitChangeSchema } from '../core';

/**
 * The WebSocket protocol between the server and the two screens (docs/protocol.md). Pure
 * schemas, shared by the server (which validates every frame it receives) and the web app (which
 * builds frames with the same types). Nothing here trusts the other side.
 */

export const PROTOCOL_VERSION = 1;
/** A frame larger than this is refused unread. */
export const MAX_FRAME_BYTES = 4096;

const id = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const level = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');
/** Sequence numbers: per participant, strictly increasing across connections (replay guard). */
const seq = z
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

/** The first frame on every connection; nothing else is read before it. */
export const helloSchema = z.strictObject({
  type: z.literal('hello'),
  v: z.literal(PROTOCOL_VERSION, `must be ${PROTOCOL_VERSION}`),
  sceneId: id,
  /** The participant's own secret, from creating the scene or pairing (never in a URL). */
  secret: z.string().min(16, 'is too short').max(128, 'is too long'),
});
export type Hello = z.infer<typeof helloSchema>;

/** Items of the safety checklist before a scene may start (DESIGN.md "Set up"). */
export const CHECKLIST_ITEMS = ['lubricant', 'restraint-release', 'water', 'blanket'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

const framed = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject({ seq, ...shape });

/** Everything a screen may send after its hello. Each is answered by `ack` or `error`. */
export const clientFrameSchema = z.discriminatedUnion('type', [
  framed({ type: z.literal('heartbeat') }),
  framed({ type: z.literal('start') }),
  framed({ type: z.literal('setup.check'), item: z.enum(CHECKLIST_ITEMS), done: z.boolean() }),
  framed({ type: z.literal('stop.test') }),
  framed({ type: z.literal('device.test'), device: id, feature: id }),
  framed({ type: z.literal('intensity'), device: id, feature: id, value: level }),
  framed({ type: z.literal('orgasm') }),
  framed({ type: z.literal('edge'), edging: z.boolean() }),
  framed({ type: z.literal('phase.next') }),
  framed({ type: z.literal('end') }),
  framed({ type: z.literal('safeword'), word: z.enum(['red', 'yellow']) }),
  framed({ type: z.literal('checkin'), answer: z.enum(['green', 'yellow', 'red']) }),
  framed({ type: z.literal('signal'), action: z.enum(['held', 'released', 'tapped']) }),
  framed({ type: z.literal('limit.lower'), limit: limitChangeSchema }),
  framed({ type: z.literal('withdraw') }),
  framed({
    type: z.literal('reading'),
    kind: z.literal('heart-rate'),
    bpm: z
      .int('must be a whole number')
      .min(20, 'must be at least 20')
      .max(250, 'must be at most 250'),
  }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;
export type ClientFrameType = ClientFrame['type'];
/** A frame as the web app writes it, before the connection numbers it. */
export type ClientFrameBody = ClientFrame extends infer F
  ? F extends { seq: number }
    ? Omit<F, 'seq'>
    : never
  : never;

/** Why a frame was refused. The message says it in words; the code is for programs. */
export const ERROR_CODES = [
  'bad-frame',
  'too-large',
  'unauthorized',
  'forbidden',
  'replayed',
  'refused',
  'not-ready',
  'rate-limited',
  /** The scene is over for this server: sent before close code 4410. */
  'ended',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Role = 'dominant' | 'submissive';
