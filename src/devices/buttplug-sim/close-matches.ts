/**
 * Names close to one that was not found, best first: names containing what was typed, then
 * names within a few typing mistakes, then names sharing a whole word with it.
 */
export function closeMatches(wanted: string, names: readonly string[], limit = 5): string[] {
  const query = wanted.trim().toLowerCase();
  if (query === '') return [];
  const words = new Set(query.split(/\s+/).filter((w) => w.length >= 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const distance = editDistance(query, lower);
    let score: number;
    if (lower.includes(query)) score = 0;
    else if (distance <= Math.max(2, Math.floor(query.length / 4))) score = 1 + distance;
    else if (lower.split(/\s+/).some((w) => words.has(w))) score = 100 + distance;
    else continue;
    scored.push({ name, score });
  }
  scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length);
  return scored.slice(0, limit).map((s) => s.name);
}

/** Levenshtein distance, one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(substitute, (previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
