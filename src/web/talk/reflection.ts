import { browserStore, parseStoredObject, readItem, removeItem, writeItem } from '../net/storage';

/**
 * Private notes on the two questions to think about before answering. They stay in this
 * browser (`redline.reflection.<negotiationId>`) and are never sent, not even to Redline's server.
 */
export const REFLECTIVE_QUESTIONS = [
  { key: 'afterOrgasm', text: 'How do you usually feel right after an orgasm?' },
  { key: 'boundaries', text: 'Have you ever used a safeword or talked about boundaries?' },
] as const;
export type ReflectionKey = (typeof REFLECTIVE_QUESTIONS)[number]['key'];
export type Reflection = Readonly<Record<ReflectionKey, string>>;

export const EMPTY_REFLECTION: Reflection = { afterOrgasm: '', boundaries: '' };
const MAX = 2000;

export const reflectionKey = (negotiationId: string) => `redline.reflection.${negotiationId}`;

export function parseReflection(raw: string | null): Reflection {
  const value = parseStoredObject(raw);
  if (value === null) return EMPTY_REFLECTION;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, MAX) : '');
  return { afterOrgasm: text(value.afterOrgasm), boundaries: text(value.boundaries) };
}

export function loadReflection(negotiationId: string): Reflection {
  return parseReflection(readItem(browserStore('local'), reflectionKey(negotiationId)));
}

/** Saves the notes; empty notes leave nothing behind. */
export function saveReflection(negotiationId: string, reflection: Reflection): void {
  const store = browserStore('local');
  if (reflection.afterOrgasm === '' && reflection.boundaries === '')
    removeItem(store, reflectionKey(negotiationId));
  else writeItem(store, reflectionKey(negotiationId), JSON.stringify(reflection));
}
