import { parseAgreement, type Agreement } from '../../core/agreement/agreement';
import { formToAgreement, type AgreementForm, type FieldErrors } from './agreement-form';

/**
 * Messages that name a field, shown beside that field: the form's own (a number that is not
 * one), the agreement's rules (parseAgreement, the same the server applies) and the server's
 * 400 answers (`agreement.checkIn.answerTimeoutSeconds: …`). What names no field of the form
 * is shown once above the Save button.
 */
export const FIELD_PATHS = [
  'activities',
  'toys',
  'outputs',
  'rampFullScaleSeconds',
  'warmUp.seconds',
  'warmUp.ceiling',
  'play.maxSeconds',
  'play.ceiling',
  'postOrgasm.maxSeconds',
  'postOrgasm.ceiling',
  'orgasm.max',
  'checkIn.intervalSeconds',
  'checkIn.answerTimeoutSeconds',
  'checkIn.onMissed',
  'yellow.factor',
  'safewords.red',
  'safewords.yellow',
  'safewords.nonVerbal',
  'signals.holdToContinue.graceMs',
  'signals.holdToContinue.action',
  'signals.tapPattern.taps',
  'signals.tapPattern.withinMs',
  'signals.tapPattern.action',
  'panel.heartbeatTimeoutSeconds',
  'restraint.used',
  'restraint.checkIntervalSeconds',
  'lubricant.reminderIntervalSeconds',
  'detection.sensorOrgasm',
  'detection.distress.hrCeilingBpm',
  'detection.distress.sustainSeconds',
  'detection.distress.action',
  'aftercare.minutes',
  'aftercare.items',
  'notes',
] as const;
export type FieldPath = (typeof FIELD_PATHS)[number] | `outputs.${string}.ceiling`;

/** The form field a problem's path belongs to: itself, or the nearest field above it. */
export function fieldFor(path: string): FieldPath | null {
  if (/^outputs\.[a-z]+\.ceiling$/.test(path)) return path as FieldPath;
  let p = path.replace(/\[\d+\]$/, '');
  for (;;) {
    const known = FIELD_PATHS.find((f) => f === p);
    if (known !== undefined) return known;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return null;
    p = p.slice(0, cut);
  }
}

const LEVEL = /(^|\.)(ceiling|factor)$/;
const MS_RANGES: Readonly<Record<string, string>> = {
  'signals.holdToContinue.graceMs': 'must be between 0.2 and 10 seconds',
  'signals.tapPattern.withinMs': 'must be between 0.3 and 10 seconds',
};

/** zod's own range wording, made plain: "Too big: expected string to have <=200 characters". */
function plainRange(message: string): string {
  const m = /^Too (small|big): expected \w+ to (?:be|have) [<>]=?(-?\d+(?:\.\d+)?)\s*(\w*)/.exec(
    message,
  );
  if (m === null) return message;
  const [, size = '', limit = '', unit = ''] = m;
  return `must be at ${size === 'small' ? 'least' : 'most'} ${limit}${unit === '' ? '' : ` ${unit}`}`;
}

/** The agreement's words turned into the form's units (percent, seconds). */
function inFormUnits(path: string, message: string): string {
  if (LEVEL.test(path) && /must be at (least 0|most 1)$/.test(message))
    return 'must be between 0 and 100 %';
  const ms = MS_RANGES[path];
  if (ms !== undefined && /too (small|big)|expected/i.test(message)) return ms;
  const item = /^aftercare\.items\[(\d+)\]$/.exec(path);
  if (item !== null) return `wish ${Number(item[1]) + 1} ${plainRange(message)}`;
  return plainRange(message);
}

export type SortedErrors = { fields: Record<string, string>; general: string[] };

/** Sorts `path: message` lines by field; `prefix` ("agreement.") is taken off each path. */
export function sortIssues(lines: readonly string[], prefix = ''): SortedErrors {
  const sorted: SortedErrors = { fields: {}, general: [] };
  for (const line of lines) {
    const at = line.indexOf(': ');
    const rawPath = at < 0 ? '' : line.slice(0, at);
    const path = rawPath.startsWith(prefix) ? rawPath.slice(prefix.length) : rawPath;
    const message = at < 0 ? line : line.slice(at + 2);
    const field = path === '' ? null : fieldFor(path);
    if (field === null) sorted.general.push(line);
    else if (sorted.fields[field] === undefined) sorted.fields[field] = inFormUnits(path, message);
  }
  return sorted;
}

/** A server 400 answer: one or more `agreement.path: message` joined by "; ". */
export function sortServerError(message: string): SortedErrors {
  return sortIssues(message.split(/;\s(?=agreement[.[])/), 'agreement.');
}

export type Checked =
  { ok: true; value: Agreement } | { ok: false; fields: FieldErrors; general: readonly string[] };

/** Everything the client can check before saving: the form's numbers, then the agreement. */
export function checkForm(form: AgreementForm, base: Agreement): Checked {
  const read = formToAgreement(form, base);
  if (!read.ok) return { ok: false, fields: read.errors, general: [] };
  const parsed = parseAgreement(read.value);
  if (parsed.ok) return { ok: true, value: parsed.value };
  const sorted = sortIssues(parsed.errors);
  return { ok: false, fields: sorted.fields, general: sorted.general };
}
