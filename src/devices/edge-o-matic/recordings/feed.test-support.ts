import type { Sample } from '../../../core';
import type { RecordingParser } from './recording-parser';

export type Fed =
  | Readonly<{ ok: true; samples: Sample[]; notes: string[] }>
  | Readonly<{ ok: false; error: string }>;

/**
 * Feeds `text` to a parser line by line as `redline detect` does (blank lines skipped; the last
 * line counts as cut off when the text does not end with a newline), up to the first error.
 */
export function feedLines(parser: RecordingParser, text: string): Fed {
  const samples: Sample[] = [];
  const notes: string[] = [];
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const all = [...lines.map((l) => [l, true] as const), [last, false] as const];
  for (const [i, [line, terminated]] of all.entries()) {
    if (line.trim() === '') continue;
    const outcome = parser.line(line, i + 1, terminated);
    if (!outcome.ok) return outcome;
    samples.push(...outcome.samples);
    if (outcome.note !== undefined) notes.push(outcome.note);
  }
  const end = parser.end();
  if (!end.ok) return end;
  samples.push(...end.samples);
  if (end.note !== undefined) notes.push(end.note);
  return { ok: true, samples, notes };
}

/** The error a text gets, or the samples; throws if it is not the one expected. */
export function errorOf(fed: Fed): string {
  if (fed.ok) throw new Error(`expected an error, got ${fed.samples.length} samples`);
  return fed.error;
}

export function samplesOf(fed: Fed): Sample[] {
  if (!fed.ok) throw new Error(`expected samples, got: ${fed.error}`);
  return fed.samples;
}
