import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_GROUPS,
  BUILT_IN_ITEMS,
  buildCatalogue,
  builtInCatalogue,
  DURATION_BAND_SECONDS,
  isCustomItemId,
} from './catalogue';

function errorsOf(input: unknown): string[] {
  const result = buildCatalogue(input);
  if (result.ok) throw new Error('the input was accepted');
  return result.errors;
}

const own = (patch: Record<string, unknown> = {}) => ({
  id: 'custom:ice',
  group: 'stimulation',
  label: 'Something cold',
  explanation: 'A cool cloth or an ice cube on the skin.',
  ...patch,
});

describe('built-in catalogue', () => {
  it('has unique ids', () => {
    const ids = BUILT_IN_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has non-empty labels (at most 80 characters) and one-sentence explanations', () => {
    for (const i of BUILT_IN_ITEMS) {
      expect(i.label.trim()).not.toBe('');
      expect(i.label.length).toBeLessThanOrEqual(80);
      expect(i.explanation).toMatch(/^[A-Z][^.]*\.$/);
      expect(i.explanation.length).toBeLessThanOrEqual(200);
      expect(i.custom).toBe(false);
    }
  });

  it('has every group', () => {
    for (const g of ACTIVITY_GROUPS) expect(BUILT_IN_ITEMS.some((i) => i.group === g)).toBe(true);
  });

  it('names what the issue asks for, in each group', () => {
    const ids = (g: string) => BUILT_IN_ITEMS.filter((i) => i.group === g).map((i) => i.id);
    expect(ids('stimulation')).toHaveLength(6);
    expect(ids('style')).toHaveLength(6);
    expect(ids('restraint')).toStrictEqual(['restraint-none', 'cuffs', 'rope']);
    expect(ids('words')).toStrictEqual(['teasing-talk', 'humiliating-words']);
    expect(ids('duration').map((id) => DURATION_BAND_SECONDS[id])).toStrictEqual([60, 180, 600]);
  });

  it('keeps built-in ids out of the custom namespace', () => {
    for (const i of BUILT_IN_ITEMS) {
      expect(isCustomItemId(i.id)).toBe(false);
      expect(i.id).not.toContain(':');
    }
  });
});

describe('buildCatalogue', () => {
  it('is the built-in catalogue when the couple adds nothing', () => {
    expect(buildCatalogue([])).toStrictEqual({ ok: true, value: builtInCatalogue });
  });

  it('appends custom items after the built-in ones, marked custom', () => {
    const result = buildCatalogue([own(), own({ id: 'custom:feather', label: 'Feather' })]);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.value.items.slice(0, BUILT_IN_ITEMS.length)).toStrictEqual(BUILT_IN_ITEMS);
    expect(result.value.items.slice(BUILT_IN_ITEMS.length)).toStrictEqual([
      { ...own(), custom: true },
      { ...own({ id: 'custom:feather', label: 'Feather' }), custom: true },
    ]);
  });

  it('accepts an empty explanation and an 80-character label', () => {
    expect(buildCatalogue([own({ explanation: '', label: 'x'.repeat(80) })]).ok).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['a list that is not a list', {}, 'customItems: must be a list'],
    ['an empty label', [own({ label: '' })], 'customItems[0].label: must not be empty'],
    ['a blank label', [own({ label: '   ' })], 'customItems[0].label: must not be blank'],
    [
      'a label over 80 characters',
      [own({ label: 'x'.repeat(81) })],
      'customItems[0].label: must be at most 80 characters',
    ],
    [
      'an explanation over 200 characters',
      [own({ explanation: 'x'.repeat(201) })],
      'customItems[0].explanation: must be at most 200 characters',
    ],
    [
      'a repeated id',
      [own(), own({ label: 'Again' })],
      'customItems[1].id: is used by an earlier item',
    ],
    [
      'a built-in id',
      [own({ id: 'hands' })],
      'customItems[0].id: must be "custom:" followed by lowercase letters, digits and single hyphens',
    ],
    [
      'an id outside the namespace',
      [own({ id: 'custom:Ice Cube' })],
      'customItems[0].id: must be "custom:" followed by lowercase letters, digits and single hyphens',
    ],
    [
      'an unknown group',
      [own({ group: 'other' })],
      'customItems[0].group: must be "stimulation" or "style" or "restraint" or "words" or "duration"',
    ],
    ['a missing label', [{ ...own(), label: undefined }], 'customItems[0].label: is required'],
    ['an extra field', [own({ custom: false })], 'customItems[0]: unknown key: "custom"'],
  ])('refuses %s, naming the field', (_what, input, message) => {
    expect(errorsOf(input)).toContain(message);
  });
});
