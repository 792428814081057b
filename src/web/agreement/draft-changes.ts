import type { Agreement } from '../../core/agreement/agreement';
import type { DraftView } from '../../protocol/negotiation';
import type { SeenDraft } from './agreement-store';

/**
 * "Sam changed the draft (version 3): check-ins, safewords." — what the partner changed since
 * this browser last showed the draft, part by part.
 */
const PART_NAMES: Readonly<Record<keyof Agreement, string>> = {
  version: 'the format',
  mode: 'the mode',
  participants: 'who is named',
  outputs: 'output ceilings',
  rampFullScaleSeconds: 'the ramp',
  warmUp: 'warm-up',
  play: 'play',
  orgasm: 'orgasms',
  postOrgasm: 'post-orgasm time and ceiling',
  checkIn: 'check-ins',
  yellow: 'what yellow does',
  signals: 'panel signals',
  panel: 'the panel timeout',
  restraint: 'restraint',
  lubricant: 'lubricant reminders',
  detection: 'sensors',
  activities: 'activities',
  toys: 'toys',
  safewords: 'safewords',
  notes: 'notes',
  aftercare: 'aftercare',
  plan: 'the plan',
};

export function changedParts(before: Agreement, after: Agreement): string[] {
  const keys = Object.keys(PART_NAMES) as (keyof Agreement)[];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => PART_NAMES[k]);
}

/** The note to show, or null when this partner wrote it or has seen this version. */
export function partnerChangeNote(
  draft: DraftView | null,
  you: 'dominant' | 'submissive',
  partnerName: string,
  seen: SeenDraft | null,
): string | null {
  if (draft === null || draft.by === you) return null;
  if (seen === null) return `${partnerName} wrote this draft (version ${draft.version}).`;
  if (seen.version >= draft.version) return null;
  const parts = changedParts(seen.agreement, draft.agreement);
  const what = parts.length === 0 ? '' : `: ${parts.join(', ')}`;
  return `${partnerName} changed the draft (version ${draft.version})${what}.`;
}
