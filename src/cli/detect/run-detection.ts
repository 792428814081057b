import type { DetectionEvent, Detector, Result, Sample } from '../../core';
import type { RecordingParser } from '../../devices/edge-o-matic/recordings/recording-parser';
import { forEachLine } from './read-lines';

/** One second at the slowest rate a trace may have (10 Hz): less is not worth a verdict. */
export const MIN_SAMPLES = 10;
/** Intervals longer than this are gaps, left out of the sampling rate. */
const GAP_MS = 1000;

export type DetectionRun = Readonly<{
  events: readonly DetectionEvent[];
  samples: number;
  first_ms: number;
  last_ms: number;
  /** Samples per second, gaps left out; undefined with fewer than two samples. */
  rateHz: number | undefined;
  /** Things to tell the person that did not stop the run (a skipped cut-off line, a layout). */
  notes: readonly string[];
}>;

/**
 * Reads the file line by line through `parser` and feeds every sample to `detector` as it is
 * read, the way a live source would: the detector only ever sees what came before. Events are
 * kept, not printed, so a file that turns out malformed on its last line prints nothing.
 */
export async function runDetection(
  path: string,
  parser: RecordingParser,
  detector: Detector,
): Promise<Result<DetectionRun>> {
  const events: DetectionEvent[] = [];
  const notes: string[] = [];
  const stats = { samples: 0, first_ms: 0, last_ms: 0, steadyMs: 0, steadyIntervals: 0 };

  const take = (samples: readonly Sample[]) => {
    for (const sample of samples) {
      if (stats.samples === 0) stats.first_ms = sample.t_ms;
      else {
        const interval = sample.t_ms - stats.last_ms;
        if (interval <= GAP_MS) {
          stats.steadyMs += interval;
          stats.steadyIntervals += 1;
        }
      }
      stats.samples += 1;
      stats.last_ms = sample.t_ms;
      for (const event of detector.push(sample)) events.push(checked(event, sample));
    }
  };

  const read = await forEachLine(path, ({ text, n, terminated }) => {
    const outcome = parser.line(text, n, terminated);
    if (!outcome.ok) return `${path}: ${outcome.error}`;
    if (outcome.note !== undefined) notes.push(outcome.note);
    take(outcome.samples);
    return undefined;
  });
  if (!read.ok) return read;
  const end = parser.end();
  if (!end.ok) return { ok: false, errors: [`${path}: ${end.error}`] };
  if (end.note !== undefined) notes.push(end.note);
  take(end.samples);

  if (stats.samples === 0)
    return { ok: false, errors: [`${path}: no samples: the file has no data rows`] };
  if (stats.samples < MIN_SAMPLES)
    return {
      ok: false,
      errors: [
        `${path}: too few samples: ${stats.samples}; at least ${MIN_SAMPLES} are needed (a second at 10 Hz)`,
      ],
    };
  const rateHz =
    stats.steadyIntervals > 0 && stats.steadyMs > 0
      ? (1000 * stats.steadyIntervals) / stats.steadyMs
      : undefined;
  const { samples, first_ms, last_ms } = stats;
  return { ok: true, value: { events, samples, first_ms, last_ms, rateHz, notes } };
}

/**
 * The detector's contract, checked: an event is stamped with the last sample it saw. Anything
 * else is a bug in the detector, not in the file, so it throws (exit 1).
 */
function checked(event: DetectionEvent, sample: Sample): DetectionEvent {
  const { t_ms, type, confidence } = event;
  if (t_ms !== sample.t_ms || !(confidence >= 0 && confidence <= 1))
    throw new Error(
      `the detector broke its contract: ${JSON.stringify(event)} after the sample at ${sample.t_ms}`,
    );
  return { t_ms, type, confidence };
}

/** One event as one JSON line: exactly these keys, in this order. */
export const eventLine = (e: DetectionEvent): string =>
  `${JSON.stringify({ t_ms: e.t_ms, type: e.type, confidence: e.confidence })}\n`;
