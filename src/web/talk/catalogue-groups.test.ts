import { describe, expect, it } from 'vitest';
import { BUILT_IN_ITEMS, type CatalogueItem } from '../../core';
import { groupItems, groupTitle } from './catalogue-groups';

describe('catalogue groups', () => {
  it('groups the built-in catalogue in the fixed order, keeping item order', () => {
    const groups = groupItems(BUILT_IN_ITEMS);
    expect(groups.map((g) => g.group)).toEqual([
      'stimulation',
      'style',
      'restraint',
      'words',
      'duration',
    ]);
    expect(groups.flatMap((g) => g.items)).toHaveLength(BUILT_IN_ITEMS.length);
    expect(groups[0]?.items[0]?.id).toBe('hands');
  });

  it('puts a couple’s item in its group, after the built-ins, and leaves empty groups out', () => {
    const own: CatalogueItem = {
      id: 'custom:feathers',
      group: 'style',
      label: 'Feathers',
      explanation: '',
      custom: true,
    };
    const groups = groupItems([own]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.title).toBe('Style of touch');
    const all = groupItems([...BUILT_IN_ITEMS, own]);
    expect(all.find((g) => g.group === 'style')?.items.at(-1)?.id).toBe('custom:feathers');
  });

  it('has a title for every group', () => {
    expect(groupTitle('duration')).toBe('How long after orgasm');
  });
});
