/**
 * Ids for the couple's own items, made here: `custom:` and a slug of the label, lowercase
 * letters, digits and single hyphens (the server's rule), unique in the catalogue.
 */
const PREFIX = 'custom:';
const MAX_ID = 64;

export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const fit = (slug: string, room: number) => slug.slice(0, room).replace(/-+$/, '');

/** `custom:<slug>`, with -2, -3… when the catalogue already holds that id. */
export function customItemId(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugify(label) || 'item';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const slug = fit(base, MAX_ID - PREFIX.length - suffix.length) || 'item';
    const id = `${PREFIX}${slug}${suffix}`;
    if (!used.has(id)) return id;
  }
}
