import type { Sample } from '../../../core';

/**
 * What one line of a recording gave: its samples (none for a header or a frame without
 * readings, several when a reader held some back), or why the file is refused. A `note` is
 * something the person should know that does not stop the run (a cut-off last line skipped).
 */
export type LineOutcome =
  | Readonly<{ ok: true; samples: readonly Sample[]; note?: string }>
  | Readonly<{ ok: false; error: string }>;

/**
 * A recording read one line at a time, so files of any length stream through and detection
 * runs as they are read. Errors name the line (`line 14: …`); the caller stops at the first.
 * `terminated` is false only for a last line without its newline, i.e. a recording cut off
 * mid-write. Times in the samples strictly increase. The CLI's plain CSV reader has this shape
 * too.
 */
export type RecordingParser = Readonly<{
  line(text: string, lineNumber: number, terminated: boolean): LineOutcome;
  /** After the last line: samples still held back, or what is wrong with the file as a whole. */
  end(): LineOutcome;
}>;

export const NO_SAMPLES: readonly Sample[] = [];
