import type { Agreement } from '../../core/agreement/agreement';
import type { AgreementState, SealedAgreement } from '../../protocol/negotiation';
import { summarizeAgreement, type SummaryGroup } from '../new-scene/agreement-summary';
import { formatSpan } from '../words/format';

/**
 * The whole agreement in plain words, for the signing summary, the printable page and the text
 * export: the scene summary (new-scene/agreement-summary.ts) with what the partners agreed in
 * words around it: who, which activities and toys, the safewords, detection and notes.
 */
export type Labels = Readonly<Record<string, string>>;

const roleWords = (role: 'dominant' | 'submissive') =>
  role === 'dominant' ? 'runs the scene (dominant)' : 'receives (submissive), holds the panel';

function whoLines(a: Agreement): string[] {
  return a.participants.map((p) => `${p.name} ${roleWords(p.role)}.`);
}

function activityLines(a: Agreement, labels: Labels): string[] {
  const ids = a.activities;
  if (ids === undefined) return ['Not listed in this agreement.'];
  if (ids.length === 0) return ['None listed: talk before adding anything.'];
  return ids.map((id) => labels[id] ?? id);
}

function toyLines(a: Agreement): string[] {
  return a.toys === undefined
    ? ['Any toy whose outputs the agreement allows.']
    : [`Only: ${a.toys.join(', ')}.`];
}

function safewordLines(a: Agreement): string[] {
  const s = a.safewords;
  if (s === undefined) return ['Red stops, yellow slows down (the panel has both buttons).'];
  return [
    `Spoken “${s.red}” stops everything at once.`,
    `Spoken “${s.yellow}” slows down.`,
    s.nonVerbal === null
      ? 'No non-verbal signal agreed besides the panel.'
      : `When speaking is not possible: ${s.nonVerbal}.`,
  ];
}

const actionWords = (action: 'yellow' | 'red') =>
  action === 'red' ? 'stops the scene' : 'slows it down (like yellow)';

function detectionLines(a: Agreement): string[] {
  const d = a.detection;
  if (d === undefined) return ['No sensor rules: orgasms are marked by hand.'];
  const orgasm =
    d.sensorOrgasm === 'start-post-orgasm'
      ? 'An orgasm a sensor detects starts the post-orgasm phase.'
      : 'An orgasm a sensor detects is only suggested; the dominant confirms it.';
  const distress =
    d.distress === null
      ? 'Signs of distress from a sensor prompt the dominant to check in.'
      : `A heart rate above ${d.distress.hrCeilingBpm} bpm for ${formatSpan(d.distress.sustainSeconds)} ${actionWords(d.distress.action)}.`;
  return [orgasm, distress];
}

export function describeAgreement(a: Agreement, labels: Labels = {}): SummaryGroup[] {
  return [
    { id: 'who', title: 'Who', lines: whoLines(a) },
    { id: 'activities', title: 'Activities both welcomed', lines: activityLines(a, labels) },
    { id: 'toys', title: 'Toys', lines: toyLines(a) },
    ...summarizeAgreement(a),
    { id: 'safewords', title: 'Safewords', lines: safewordLines(a) },
    { id: 'detection', title: 'Sensors', lines: detectionLines(a) },
    {
      id: 'notes',
      title: 'Notes',
      lines: a.notes === undefined || a.notes.trim() === '' ? ['None.'] : [a.notes],
    },
  ];
}

/** The short form of a hash people can compare by eye: "sha256:3f2a…9c01". */
export function shortHash(hash: string): string {
  const hex = hash.replace(/^sha256:/, '');
  return hex.length <= 12 ? hex : `${hex.slice(0, 8)}…${hex.slice(-4)}`;
}

export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function stateWords(
  state: AgreementState,
  withdrawnBy: string | null = null,
  withdrawnAt: number | null = null,
  when: (ms: number) => string = formatWhen,
): string {
  switch (state) {
    case 'in-force':
      return 'In force';
    case 'withdrawn':
      return withdrawnBy === null || withdrawnAt === null
        ? 'Withdrawn'
        : `Withdrawn by ${withdrawnBy} on ${when(withdrawnAt)}`;
    case 'replaced':
      return 'Replaced by a newer agreement';
  }
}

/**
 * A hash as a route part: routes take plain tokens of at most 64 characters, so the link carries
 * the 64 hex digits and the page puts the "sha256:" back.
 */
export function hashForRoute(hash: string): string {
  return hash.replace(/^sha256:/, '');
}

export function hashFromRoute(part: string): string {
  return part.startsWith('sha256:') ? part : `sha256:${part}`;
}

/** The file name of an export: `redline-agreement-<first 12 of the hash>.json`. */
export function exportName(hash: string, ext: 'json' | 'txt'): string {
  return `redline-agreement-${hash.replace(/^sha256:/, '').slice(0, 12)}.${ext}`;
}

/** The sealed agreement as plain text, the same words as the printable page. */
export function sealedText(
  sealed: SealedAgreement,
  labels: Labels = {},
  when: (ms: number) => string = formatWhen,
): string {
  const byName = (role: string | null) =>
    sealed.agreement.participants.find((p) => p.role === role)?.name ?? role;
  const out = [
    'Redline — signed agreement',
    '',
    `State: ${stateWords(sealed.state, byName(sealed.withdrawnBy), sealed.withdrawnAt, when)}`,
    `Sealed: ${when(sealed.sealedAt)}`,
    `Fingerprint (SHA-256): ${sealed.agreementHash}`,
    '',
  ];
  for (const group of describeAgreement(sealed.agreement, labels)) {
    out.push(group.title, ...group.lines.map((l) => `  - ${l}`), '');
  }
  out.push('Signatures');
  for (const s of sealed.signatures) out.push(`  - ${s.name} (${s.role}), ${when(s.at)}`);
  out.push('');
  return out.join('\n');
}
