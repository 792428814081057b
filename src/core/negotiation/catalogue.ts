import { z } from 'zod';
import { parseWith, type Result } from '../validation';

/**
 * The catalogue of activities each partner rates in private before a scene (DESIGN.md "The life
 * of a scene", step 1). Labels are neutral and non-graphic; every item is rated once per role.
 */

/** Who does what: giving is doing it for the partner, receiving is having it done to you. */
export const ACTIVITY_ROLES = ['giving', 'receiving'] as const;
export type ActivityRole = (typeof ACTIVITY_ROLES)[number];

export const ACTIVITY_GROUPS = ['stimulation', 'style', 'restraint', 'words', 'duration'] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number];

export type CatalogueItem = {
  /** Stable across versions: answers and agreements refer to items by id. */
  id: string;
  group: ActivityGroup;
  label: string;
  explanation: string;
  /** True for an item the couple added themselves. */
  custom: boolean;
};

/** Built-in items followed by the couple's own, in a fixed order that never depends on answers. */
export type Catalogue = { items: readonly CatalogueItem[] };

/**
 * Custom ids live in their own namespace: every one starts with this prefix and no built-in id
 * contains a colon, so a couple's item can never shadow or collide with a built-in one.
 */
export const CUSTOM_ID_PREFIX = 'custom:';

export function isCustomItemId(id: string): boolean {
  return id.startsWith(CUSTOM_ID_PREFIX);
}

const item = (
  group: ActivityGroup,
  id: string,
  label: string,
  explanation: string,
): CatalogueItem => ({ id, group, label, explanation, custom: false });

export const BUILT_IN_ITEMS: readonly CatalogueItem[] = [
  item('stimulation', 'hands', 'Hands and fingers', 'Touch and stimulation with the hands.'),
  item(
    'stimulation',
    'vibrator-wand',
    'Vibrator or wand',
    'Stimulation with a vibrating toy, such as a wand or a smaller vibrator.',
  ),
  item('stimulation', 'mouth', 'Mouth', 'Stimulation with the mouth.'),
  item(
    'stimulation',
    'body-contact',
    'Body contact',
    'Stimulation by pressing or moving against the other person’s body.',
  ),
  item(
    'stimulation',
    'sensitive-areas',
    'Other sensitive areas',
    'Attention to other sensitive places, such as the nipples, neck or inner thighs.',
  ),
  item(
    'stimulation',
    'multiple-orgasms',
    'Multiple orgasms in a row',
    'Carrying on after one orgasm towards another, more than once in a scene.',
  ),
  item('style', 'stroking', 'Stroking', 'Long, even movements along the skin.'),
  item('style', 'rubbing', 'Rubbing', 'Steady back-and-forth or circular movement with pressure.'),
  item('style', 'squeezing', 'Squeezing', 'Firm, gentle pressure with a closing hand.'),
  item('style', 'pinching', 'Pinching', 'Brief, light pressure between finger and thumb.'),
  item('style', 'flicking', 'Flicking', 'Quick, light taps with a fingertip.'),
  item(
    'style',
    'light-spanking',
    'Light spanking',
    'Light slaps with an open hand, on the buttocks or thighs.',
  ),
  item(
    'restraint',
    'restraint-none',
    'No restraint',
    'Both partners stay free to move for the whole scene.',
  ),
  item(
    'restraint',
    'cuffs',
    'Cuffs',
    'Padded wrist or ankle cuffs that limit movement and undo quickly.',
  ),
  item(
    'restraint',
    'rope',
    'Rope',
    'Rope ties that limit movement; they need practice, regular checks and safety shears at hand.',
  ),
  item(
    'words',
    'teasing-talk',
    'Teasing and dirty talk',
    'Playful or suggestive words during the scene.',
  ),
  item(
    'words',
    'humiliating-words',
    'Humiliating words',
    'Words meant to embarrass, kept within bounds agreed beforehand.',
  ),
  item(
    'duration',
    'post-orgasm-1-min',
    'After orgasm: up to 1 minute',
    'Stimulation continues for at most one minute after orgasm.',
  ),
  item(
    'duration',
    'post-orgasm-3-min',
    'After orgasm: up to 3 minutes',
    'Stimulation continues for at most three minutes after orgasm.',
  ),
  item(
    'duration',
    'post-orgasm-10-min',
    'After orgasm: up to 10 minutes',
    'Stimulation continues for at most ten minutes after orgasm.',
  ),
];

/** The longest post-orgasm time each duration band allows, for prefilling the agreement. */
export const DURATION_BAND_SECONDS: Readonly<Record<string, number>> = {
  'post-orgasm-1-min': 60,
  'post-orgasm-3-min': 180,
  'post-orgasm-10-min': 600,
};

export const builtInCatalogue: Catalogue = { items: BUILT_IN_ITEMS };

const customItemSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^custom:[a-z0-9]+(-[a-z0-9]+)*$/,
      'must be "custom:" followed by lowercase letters, digits and single hyphens',
    )
    .max(64, 'must be at most 64 characters'),
  group: z.enum(ACTIVITY_GROUPS),
  label: z
    .string()
    .min(1, 'must not be empty')
    .max(80, 'must be at most 80 characters')
    .refine((s) => s.trim() !== '', 'must not be blank'),
  explanation: z.string().max(200, 'must be at most 200 characters'),
});

const customItemsSchema = z
  .array(customItemSchema)
  .max(100, 'must have at most 100 items')
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'is used by an earlier item' });
      seen.add(it.id);
    });
  });

export type CustomItemInput = z.infer<typeof customItemsSchema>[number];

/**
 * The built-in catalogue plus a couple's own items, validated as untrusted input. Problems name
 * the field: `customItems[2].label: must be at most 80 characters`.
 */
export function buildCatalogue(customItems: unknown): Result<Catalogue> {
  const parsed = parseWith(customItemsSchema, customItems, 'customItems');
  if (!parsed.ok) return parsed;
  const custom = parsed.value.map((c): CatalogueItem => ({ ...c, custom: true }));
  return { ok: true, value: { items: [...BUILT_IN_ITEMS, ...custom] } };
}
