import { parseWith } from '../../../core';
import { readingsSchema } from '../messages';
import { MOTOR_MAX } from '../motor-gate';
import { NO_SAMPLES, type LineOutcome, type RecordingParser } from './recording-parser';

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * The Edge-o-Matic's WebSocket stream captured to a file: one frame per line, exactly as the
 * device sends them (docs/devices-edge-o-matic.md, "Readings"). Each `readings` frame is one
 * sample: `pressure` as it is (raw counts), `motor` 0–255 as the output 0–1, and `millis` (the
 * device's uptime) counted from the first readings frame. Every other frame (command replies,
 * `configList`, `wifiStatus`, `sdStatus`) is skipped. A line that is not a JSON object, or whose
 * `readings` do not match the schema the live adapter uses, refuses the file.
 */
export function createEomStreamParser(): RecordingParser {
  let first: number | undefined;
  let previous: number | undefined;
  let previousLine = 0;

  const line = (text: string, n: number, terminated: boolean): LineOutcome => {
    const outcome = readLine(text, n);
    if (!outcome.ok && !terminated)
      return {
        ok: true,
        samples: NO_SAMPLES,
        note: `line ${n} is incomplete (the capture was cut off mid-frame) and was skipped`,
      };
    if (!outcome.ok || outcome.readings === undefined) return outcome.ok ? emptyLine : outcome;
    const { millis, pressure, motor } = outcome.readings;
    if (previous !== undefined && millis <= previous)
      return {
        ok: false,
        error:
          millis === previous
            ? `line ${n}: readings.millis ${millis} repeats line ${previousLine}'s`
            : `line ${n}: readings.millis ${millis} is before line ${previousLine}'s ${previous} (did the device restart? capture each session to its own file)`,
      };
    first ??= millis;
    previous = millis;
    previousLine = n;
    return { ok: true, samples: [{ t_ms: millis - first, pressure, output: motor / MOTOR_MAX }] };
  };

  return {
    line,
    end: () =>
      first === undefined
        ? {
            ok: false,
            error:
              'no readings frames: a capture holds the frames the device sends after {"streamReadings": …}',
          }
        : emptyLine,
  };
}

const emptyLine: LineOutcome = { ok: true, samples: NO_SAMPLES };

type ReadLine =
  | { ok: true; readings: { millis: number; pressure: number; motor: number } | undefined }
  | { ok: false; error: string };

function readLine(text: string, n: number): ReadLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `line ${n}: not a JSON frame: ${excerpt(text)}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, error: `line ${n}: a frame is a JSON object, found: ${excerpt(text)}` };
  if (!('readings' in json)) return { ok: true, readings: undefined };
  const readings = parseWith(readingsSchema, json.readings, 'readings');
  if (!readings.ok) return { ok: false, error: `line ${n}: ${readings.errors.join('; ')}` };
  return { ok: true, readings: readings.value };
}
