import { describe, expect, it } from 'vitest';
import { customItemId, slugify } from './custom-id';

const SERVER_RULE = /^custom:[a-z0-9]+(-[a-z0-9]+)*$/;

describe('custom item ids', () => {
  it('makes a slug of lowercase letters, digits and single hyphens', () => {
    expect(slugify('  Ice cubes & feathers!! ')).toBe('ice-cubes-feathers');
    expect(slugify('Crème brûlée')).toBe('creme-brulee');
    expect(slugify('---')).toBe('');
  });

  it('prefixes custom: and avoids ids already in the catalogue', () => {
    expect(customItemId('Feathers', ['hands'])).toBe('custom:feathers');
    expect(customItemId('Feathers', ['custom:feathers'])).toBe('custom:feathers-2');
    expect(customItemId('Feathers', ['custom:feathers', 'custom:feathers-2'])).toBe(
      'custom:feathers-3',
    );
  });

  it('falls back to "item" for a label with no letters or digits', () => {
    expect(customItemId('✨✨', [])).toBe('custom:item');
    expect(customItemId('?', ['custom:item'])).toBe('custom:item-2');
  });

  it('stays within 64 characters and the server rule, suffix included', () => {
    const long = 'word '.repeat(40);
    const first = customItemId(long, []);
    const second = customItemId(long, [first]);
    for (const id of [first, second]) {
      expect(id.length).toBeLessThanOrEqual(64);
      expect(id).toMatch(SERVER_RULE);
    }
    expect(second).not.toBe(first);
  });
});
