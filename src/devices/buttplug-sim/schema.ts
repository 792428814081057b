import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { packagePath } from '../../package-root';

/**
 * The official Buttplug message schema (data/buttplug/buttplug-schema.json), compiled once.
 * Frames are checked against `#/specs/MessageSpecV4` alone: the schema's root also accepts every
 * older spec's messages, which this server does not speak.
 */
const SCHEMA_PATH = packagePath('data', 'buttplug', 'buttplug-schema.json');

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled !== undefined) return compiled;
  // strict: false, because the schema uses keywords Ajv's strict mode refuses ("version", and
  // "minItems" placed under "items" of an integer).
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addSchema(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object, 'buttplug');
  const validate = ajv.getSchema('buttplug#/specs/MessageSpecV4');
  if (validate === undefined) throw new Error('the Buttplug schema has no specs/MessageSpecV4');
  compiled = validate;
  return validate;
}

/** Compiles the schema now rather than on the first frame (the server calls this on start). */
export function prepareSchema(): void {
  validator();
}

/** Why a parsed frame is not a valid spec v4 frame, or null when it is. */
export function checkV4Frame(frame: unknown): string | null {
  const validate = validator();
  if (validate(frame)) return null;
  const first = validate.errors?.[0];
  if (first === undefined) return 'does not match the spec v4 schema';
  const where = first.instancePath === '' ? 'the frame' : first.instancePath;
  return `${where} ${first.message ?? 'is invalid'} (spec v4 schema)`;
}
