import { describe, expect, it } from 'vitest';
import { answerFor, parseAnswers } from './answers';
import { buildCatalogue, builtInCatalogue, type Catalogue } from './catalogue';

function errorsOf(input: unknown, catalogue: Catalogue = builtInCatalogue): string[] {
  const result = parseAnswers(input, catalogue, 'alex');
  if (result.ok) throw new Error('the input was accepted');
  return result.errors;
}

describe('parseAnswers', () => {
  it('accepts partial answers, notes optional, and sets the author from the caller', () => {
    const input = {
      items: {
        hands: { giving: { rating: 'yes' }, receiving: { rating: 'maybe', note: 'slowly' } },
        rope: { receiving: { rating: 'no' } },
        mouth: {},
      },
    };
    const result = parseAnswers(input, builtInCatalogue, 'alex');
    expect(result).toStrictEqual({ ok: true, value: { author: 'alex', ...input } });
    if (!result.ok) return;
    expect(answerFor(result.value, 'hands', 'receiving')).toStrictEqual({
      rating: 'maybe',
      note: 'slowly',
    });
    expect(answerFor(result.value, 'rope', 'giving')).toBeUndefined();
    expect(answerFor(result.value, 'cuffs', 'giving')).toBeUndefined();
  });

  it('accepts answers for the couple’s own items', () => {
    const custom = buildCatalogue([
      { id: 'custom:ice', group: 'style', label: 'Ice', explanation: '' },
    ]);
    if (!custom.ok) throw new Error(custom.errors.join('; '));
    const input = { items: { 'custom:ice': { giving: { rating: 'yes' } } } };
    expect(parseAnswers(input, custom.value, 'sam').ok).toBe(true);
    expect(errorsOf(input)).toStrictEqual(['items.custom:ice: is not an item in the catalogue']);
  });

  it.each<[string, unknown, string]>([
    ['no items', {}, 'items: is required'],
    [
      'an unknown item',
      { items: { tickling: {} } },
      'items.tickling: is not an item in the catalogue',
    ],
    [
      'an unknown rating',
      { items: { hands: { giving: { rating: 'sure' } } } },
      'items.hands.giving.rating: must be "yes" or "maybe" or "no"',
    ],
    [
      'a missing rating',
      { items: { hands: { giving: { note: 'hm' } } } },
      'items.hands.giving.rating: must be "yes" or "maybe" or "no"',
    ],
    [
      'a note over 500 characters',
      { items: { hands: { receiving: { rating: 'yes', note: 'x'.repeat(501) } } } },
      'items.hands.receiving.note: must be at most 500 characters',
    ],
    [
      'a note that is not text',
      { items: { hands: { receiving: { rating: 'yes', note: 5 } } } },
      'items.hands.receiving.note: must be text',
    ],
    [
      'an unknown role',
      { items: { hands: { watching: { rating: 'yes' } } } },
      'items.hands: unknown key: "watching"',
    ],
    ['an author in the body', { author: 'sam', items: {} }, '(root): unknown key: "author"'],
    [
      'a __proto__ item',
      JSON.parse('{"items":{"__proto__":{"giving":{"rating":"yes"}}}}'),
      'items.__proto__: is not an item in the catalogue',
    ],
  ])('refuses %s, naming the field', (_what, input, message) => {
    expect(errorsOf(input)).toContain(message);
  });

  it('accepts a 500-character note', () => {
    const input = { items: { hands: { receiving: { rating: 'no', note: 'x'.repeat(500) } } } };
    expect(parseAnswers(input, builtInCatalogue, 'alex').ok).toBe(true);
  });
});
