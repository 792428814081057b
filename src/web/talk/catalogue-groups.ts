import type { ActivityGroup, CatalogueItem } from '../../core';

/** The catalogue's groups in their fixed order, with plain titles (the core's list, as values). */
export const GROUPS: readonly { group: ActivityGroup; title: string; intro: string }[] = [
  {
    group: 'stimulation',
    title: 'Stimulation',
    intro: 'How stimulation is given, during the scene and after orgasm.',
  },
  { group: 'style', title: 'Style of touch', intro: 'The kinds of touch you would like.' },
  {
    group: 'restraint',
    title: 'Restraint',
    intro: 'Whether movement is limited, and how.',
  },
  { group: 'words', title: 'Words', intro: 'What is said during the scene.' },
  {
    group: 'duration',
    title: 'How long after orgasm',
    intro: 'The longest time stimulation may continue after orgasm.',
  },
];

export const groupTitle = (group: ActivityGroup): string =>
  GROUPS.find((g) => g.group === group)?.title ?? group;

export type ItemGroup = {
  group: ActivityGroup;
  title: string;
  intro: string;
  items: CatalogueItem[];
};

/** Items by group, catalogue order kept inside each; empty groups left out. */
export function groupItems(items: readonly CatalogueItem[]): ItemGroup[] {
  return GROUPS.map((g) => ({ ...g, items: items.filter((i) => i.group === g.group) })).filter(
    (g) => g.items.length > 0,
  );
}
