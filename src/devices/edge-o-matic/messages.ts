import { z } from 'zod';

/**
 * The Edge-o-Matic 3000's WebSocket messages (docs/devices-edge-o-matic.md has the sources).
 * Every frame is one JSON object keyed by command name, in both directions: we send
 * `{"setMotor": 128}`; the device answers `{"setMotor": {...}}` and streams `{"readings": {...}}`.
 */

export const DEFAULT_URL = 'ws://eom3k.local/';

/** Frames are small (readings are under 200 bytes, the config listing a few KiB). */
export const MAX_FRAME_BYTES = 64 * 1024;

/**
 * Names tried, in order, to switch to manual mode. Firmware compares without case; current
 * firmware knows "MANUAL" (so "manual" matches), mid-2023 firmware maps a legacy "manual" onto
 * "MANUAL_CONTROL", and early ESP-IDF firmware knows only "MANUAL_CONTROL".
 */
export const MANUAL_MODE_NAMES = ['manual', 'MANUAL_CONTROL'] as const;

/** Every firmware's manual mode starts with "manual" ("MANUAL", "MANUAL_CONTROL", "manual"). */
export const isManualMode = (mode: string): boolean => /^manual/i.test(mode);

export const command = {
  setMode: (mode: string) => JSON.stringify({ setMode: mode }),
  /** The firmware reads the integer part; we only ever send a whole 0–255. */
  setMotor: (speed: number) => JSON.stringify({ setMotor: speed }),
  /** With a nonce the device answers `{"streamReadings":{"nonce":n}}`: our proof it listens. */
  streamReadings: (nonce: number) => JSON.stringify({ streamReadings: { nonce } }),
} as const;

const count = z.number().min(0, 'must not be negative').max(65_535, 'must be at most 65535');

export const readingsSchema = z.object({
  pressure: count,
  pavg: count,
  arousal: count,
  motor: z.int('must be a whole number').min(0, 'must be 0–255').max(255, 'must be 0–255'),
  millis: z.number().min(0, 'must not be negative'),
  /** Current firmware adds the run mode ("MANUAL", "MANUAL_CONTROL", "AUTOMATIC", …). */
  runMode: z.string().max(64).optional(),
});
export type Readings = z.infer<typeof readingsSchema>;

const errorText = z.union([z.string().max(1024), z.array(z.string().max(1024)).max(16)]);

/** A reply to one command: its nonce, and `errno` or `error` when it failed. */
const replySchema = z.object({
  nonce: z.number().optional(),
  errno: z.number().optional(),
  error: errorText.optional(),
  mode: z.string().max(64).optional(),
});
export type Reply = z.infer<typeof replySchema>;

/** The commands we send, whose replies we read. */
export const REPLY_KEYS = ['setMode', 'setMotor', 'streamReadings'] as const;
export type ReplyKey = (typeof REPLY_KEYS)[number];

/**
 * What we read from a frame. Other keys (configList, wifiStatus, sdStatus, which streaming also
 * turns on) are ignored: the firmware grows new ones and none of them drive anything here.
 */
const frameSchema = z.object({
  readings: readingsSchema.optional(),
  /** A frame the device could not parse as JSON. */
  error: errorText.optional(),
  setMode: replySchema.optional(),
  setMotor: replySchema.optional(),
  streamReadings: replySchema.optional(),
});
export type Frame = z.infer<typeof frameSchema>;

export type ParsedFrame = { ok: true; frame: Frame } | { ok: false; error: string };

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** Reads one untrusted text frame; a frame that fails is refused whole, with a clear message. */
export function parseFrame(text: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `the Edge-o-Matic sent a frame that is not JSON: ${excerpt(text)}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return {
      ok: false,
      error: `the Edge-o-Matic sent a frame that is not a JSON object: ${excerpt(text)}`,
    };
  const parsed = frameSchema.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? '' : `${issue.path.join('.')}: ${issue.message}`;
  return { ok: false, error: `the Edge-o-Matic sent a frame Redline cannot use (${where})` };
}

/** The firmware's `command_err_t` codes, for messages a person can read. */
function describeErrno(errno: number): string {
  switch (errno) {
    case -1:
      return 'refused';
    case 1:
      return 'bad argument';
    case 255:
      return 'unknown command';
    default:
      return `error ${errno}`;
  }
}

const joinError = (error: string | string[]) => (Array.isArray(error) ? error.join('; ') : error);

/** Why a reply failed, or undefined if it did not. */
export function replyProblem(key: ReplyKey, reply: Reply): string | undefined {
  if (reply.error !== undefined)
    return `the Edge-o-Matic answered ${key} with an error: ${joinError(reply.error)}`;
  if (reply.errno !== undefined)
    return `the Edge-o-Matic refused ${key} (errno ${reply.errno}: ${describeErrno(reply.errno)})`;
  return undefined;
}

/** Every failure a frame reports: the device's own parse error and failed replies. */
export function frameProblems(frame: Frame): string[] {
  const problems: string[] = [];
  if (frame.error !== undefined)
    problems.push(`the Edge-o-Matic could not read a command: ${joinError(frame.error)}`);
  for (const key of REPLY_KEYS) {
    const reply = frame[key];
    const problem = reply === undefined ? undefined : replyProblem(key, reply);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}
