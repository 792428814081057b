import { applySuggestions, type Suggestion } from '../aftercare/suggestions';
import type { Agreement } from '../agreement/agreement';
import { templateAgreement } from '../agreement/template';
import type { DeviceSpec } from '../scene/events';
import { DURATION_BAND_SECONDS, type Catalogue } from './catalogue';
import type { Overlap } from './overlap';

/**
 * The first draft of a pair's agreement, from what both welcomed (issue 5). It starts from the
 * cautious template and widens nothing the overlap does not ask for: restraint only when a
 * restraint both welcome is on the list, two orgasms only when "multiple orgasms in a row" is,
 * and the post-orgasm time of the shortest duration band both welcome (DURATION_BAND_SECONDS
 * are post-orgasm times). Participants are named as the server requires: id = role, name as
 * each joined. A debrief's suggestions (from the couple's last scene) are applied last: they only
 * narrow.
 */
export type DraftInput = Readonly<{
  overlap: Overlap;
  catalogue: Catalogue;
  names: Readonly<{ dominant: string; submissive: string }>;
  devices: readonly DeviceSpec[];
  suggestions?: readonly Pick<Suggestion, 'change'>[];
}>;

/** With restraint, the dominant checks circulation and comfort this often. */
export const RESTRAINT_CHECK_SECONDS = 5 * 60;
export const MULTIPLE_ORGASMS_ID = 'multiple-orgasms';
export const NO_RESTRAINT_ID = 'restraint-none';

export function draftFromOverlap(input: DraftInput): Agreement {
  const base = templateAgreement({ mode: 'pair', names: input.names, devices: input.devices });
  const known = new Map(input.catalogue.items.map((item) => [item.id, item]));
  // Only items the catalogue knows: an overlap is of this catalogue, and ids must stay unique.
  const items = input.overlap.items.filter((item) => known.has(item.id));
  const ids = [...new Set(items.map((item) => item.id))];
  const groupOf = (id: string) => known.get(id)?.group;

  const restraint = ids.some((id) => groupOf(id) === 'restraint' && id !== NO_RESTRAINT_ID);
  const bands = ids
    .map((id) => DURATION_BAND_SECONDS[id])
    .filter((s): s is number => s !== undefined);
  const postOrgasmSeconds = bands.length > 0 ? Math.min(...bands) : base.postOrgasm.maxSeconds;

  const draft: Agreement = {
    ...base,
    participants: [
      { id: 'dominant', name: input.names.dominant, role: 'dominant' },
      { id: 'submissive', name: input.names.submissive, role: 'submissive' },
    ],
    activities: ids,
    postOrgasm: { ...base.postOrgasm, maxSeconds: postOrgasmSeconds },
    orgasm: { ...base.orgasm, max: ids.includes(MULTIPLE_ORGASMS_ID) ? 2 : base.orgasm.max },
    restraint: restraint
      ? { used: true, checkIntervalSeconds: RESTRAINT_CHECK_SECONDS }
      : base.restraint,
    safewords: { red: 'red', yellow: 'yellow', nonVerbal: null },
  };
  return applySuggestions(draft, input.suggestions ?? []);
}
