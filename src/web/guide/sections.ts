/**
 * The parts of the guide, in reading order. Each id is stable: other screens link to it
 * (`#/guide/<id>`, see `GuideLink`) and the page's sections are named after it
 * (`guide-<id>`). Add new parts at will; never rename an id.
 */
export const GUIDE_SECTIONS = [
  { id: 'what-it-is', title: 'What post-orgasm play is' },
  { id: 'edging', title: 'How it differs from edging' },
  { id: 'roles', title: 'Anyone can take either role' },
  { id: 'talk-first', title: 'Talk first' },
  { id: 'safewords', title: 'Safewords and signals' },
  { id: 'start-slow', title: 'Start slow' },
  { id: 'check-ins', title: 'Check in' },
  { id: 'distress', title: 'Pain or distress means stop' },
  { id: 'restraint', title: 'Restraint' },
  { id: 'lubrication', title: 'Lubrication and skin care' },
  { id: 'aftercare', title: 'Aftercare and drop' },
  { id: 'faq', title: 'Frequently asked questions' },
  { id: 'bring-it-up', title: 'How to bring it up with a partner' },
] as const satisfies readonly Readonly<{ id: string; title: string }>[];

export type GuideSectionId = (typeof GUIDE_SECTIONS)[number]['id'];

const IDS: ReadonlySet<string> = new Set(GUIDE_SECTIONS.map((s) => s.id));

export function isGuideSectionId(value: string): value is GuideSectionId {
  return IDS.has(value);
}

export function guideSectionTitle(id: GuideSectionId): string {
  return GUIDE_SECTIONS.find((s) => s.id === id)?.title ?? id;
}

/** The href of one part of the guide, or of the whole guide. */
export function guideHref(id: GuideSectionId | null): string {
  return id === null ? '#/guide' : `#/guide/${id}`;
}

/**
 * What the page does with the route's section: scroll to a known part; show the whole guide
 * with a note for an unknown one; show the whole guide from the top when there is none.
 */
export type GuideTarget =
  | Readonly<{ kind: 'all' }>
  | Readonly<{ kind: 'section'; id: GuideSectionId }>
  | Readonly<{ kind: 'unknown'; requested: string }>;

export function guideTarget(section: string | null): GuideTarget {
  if (section === null) return { kind: 'all' };
  if (isGuideSectionId(section)) return { kind: 'section', id: section };
  return { kind: 'unknown', requested: section };
}
