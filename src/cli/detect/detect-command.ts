import { extname } from 'node:path';
import {
  createDetector,
  DEFAULT_DETECTOR_SETTINGS,
  DETECTOR_NAMES,
  type DetectorName,
  type DetectorSettings,
  type Result,
} from '../../core';
import { createEomLogParser } from '../../devices/edge-o-matic/recordings/eom-log';
import { createEomStreamParser } from '../../devices/edge-o-matic/recordings/eom-stream';
import type { RecordingParser } from '../../devices/edge-o-matic/recordings/recording-parser';
import { booleanFlag, parseFlags, stringFlag, type Flags } from '../args';
import { EXIT, type CliIo } from '../io';
import { USAGE } from '../usage';
import { createCsvTraceParser } from './csv-trace';
import { eventLine, runDetection, type DetectionRun } from './run-detection';

const OPTIONS = {
  input: { type: 'string' },
  format: { type: 'string' },
  detector: { type: 'string' },
  sensitivity: { type: 'string' },
  'hr-ceiling': { type: 'string' },
  'hr-sustain': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const FORMATS = ['csv', 'eom-log', 'eom-stream'] as const;
export type TraceFormat = (typeof FORMATS)[number];
const SENSITIVITIES = ['low', 'normal', 'high'] as const;
export const HR_CEILING = { min: 60, max: 250 } as const;
export const HR_SUSTAIN_SECONDS = { min: 1, max: 600 } as const;

const PARSERS: Readonly<Record<TraceFormat, () => RecordingParser>> = {
  csv: createCsvTraceParser,
  'eom-log': createEomLogParser,
  'eom-stream': createEomStreamParser,
};

type Settings = Readonly<{
  path: string;
  format: TraceFormat;
  detector: DetectorName;
  detectorSettings: Partial<DetectorSettings>;
}>;

/**
 * `redline detect --input FILE …`: runs a detector over a recorded trace, sample by sample as a
 * live source would feed it, and prints one JSON line per event on stdout (nothing else). The
 * file is untrusted: anything malformed is refused with its line, exit 2, nothing printed.
 */
export async function detectCommand(args: readonly string[], io: CliIo): Promise<number> {
  const fail = (errors: readonly string[]) => {
    io.stderr(errors.map((e) => `redline detect: ${e}\n`).join(''));
    return EXIT.usage;
  };
  const flags = parseFlags(args, OPTIONS, 0);
  if (!flags.ok) return fail([...flags.errors, 'see redline --help']);
  if (booleanFlag(flags.value, 'help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const settings = readSettings(flags.value);
  if (!settings.ok) return fail([...settings.errors, 'see redline --help']);
  const { path, format, detector, detectorSettings } = settings.value;

  const run = await runDetection(
    path,
    PARSERS[format](),
    createDetector(detector, detectorSettings),
  );
  if (!run.ok) return fail(run.errors);
  io.stdout(run.value.events.map(eventLine).join(''));
  io.stderr(summary(run.value, format, detector));
  return EXIT.ok;
}

/** Every flag problem at once, as `devices` does. */
function readSettings(flags: Flags): Result<Settings> {
  const errors: string[] = [];
  const path = stringFlag(flags, 'input');
  if (path === undefined) errors.push('--input FILE is required');

  const formatText = stringFlag(flags, 'format');
  const format = formatText === undefined ? formatFor(path ?? '') : oneOf(FORMATS, formatText);
  if (format === undefined)
    errors.push(`--format must be ${listed(FORMATS)}, not "${formatText ?? ''}"`);

  const detectorText = stringFlag(flags, 'detector');
  const detector = detectorText === undefined ? 'redline' : oneOf(DETECTOR_NAMES, detectorText);
  if (detector === undefined)
    errors.push(`--detector must be ${listed(DETECTOR_NAMES)}, not "${detectorText ?? ''}"`);

  const detectorSettings: { -readonly [K in keyof DetectorSettings]?: DetectorSettings[K] } = {};
  const sensitivityText = stringFlag(flags, 'sensitivity');
  if (sensitivityText !== undefined) {
    const sensitivity = oneOf(SENSITIVITIES, sensitivityText);
    if (sensitivity === undefined)
      errors.push(`--sensitivity must be ${listed(SENSITIVITIES)}, not "${sensitivityText}"`);
    else detectorSettings.sensitivity = sensitivity;
  }
  const ceilingText = stringFlag(flags, 'hr-ceiling');
  if (ceilingText !== undefined) {
    const ceiling = wholeNumber(ceilingText, HR_CEILING);
    if (ceiling === undefined)
      errors.push(
        `--hr-ceiling must be a whole number of beats per minute from ${HR_CEILING.min} to ${HR_CEILING.max}, not "${ceilingText}"`,
      );
    else detectorSettings.hrCeilingBpm = ceiling;
  }
  const sustainText = stringFlag(flags, 'hr-sustain');
  if (sustainText !== undefined) {
    const sustain = wholeNumber(sustainText, HR_SUSTAIN_SECONDS);
    if (sustain === undefined)
      errors.push(
        `--hr-sustain must be a whole number of seconds from ${HR_SUSTAIN_SECONDS.min} to ${HR_SUSTAIN_SECONDS.max}, not "${sustainText}"`,
      );
    else detectorSettings.hrSustainSeconds = sustain;
    if (ceilingText === undefined && DEFAULT_DETECTOR_SETTINGS.hrCeilingBpm === null)
      errors.push('--hr-sustain only applies with --hr-ceiling BPM');
  }

  if (errors.length > 0 || path === undefined || format === undefined || detector === undefined)
    return { ok: false, errors };
  return { ok: true, value: { path, format, detector, detectorSettings } };
}

/** By extension: `.jsonl`/`.ndjson` are captured streams; everything else is read as CSV. */
function formatFor(path: string): TraceFormat {
  const extension = extname(path).toLowerCase();
  return extension === '.jsonl' || extension === '.ndjson' ? 'eom-stream' : 'csv';
}

function oneOf<T extends string>(allowed: readonly T[], text: string): T | undefined {
  return allowed.find((a) => a === text);
}

const listed = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;

/** Digits only, within the range; undefined otherwise. */
function wholeNumber(text: string, range: Readonly<{ min: number; max: number }>) {
  if (!/^\d{1,6}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= range.min && value <= range.max ? value : undefined;
}

function clock(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${minutes}:${seconds}`;
}

/** For people, on stderr: what was read and what was found. */
function summary(run: DetectionRun, format: TraceFormat, detector: DetectorName): string {
  const lines = run.notes.map((note) => `redline detect: note: ${note}\n`);
  const rate = run.rateHz === undefined ? '' : `, about ${run.rateHz.toFixed(1)} Hz`;
  if (run.rateHz !== undefined && (run.rateHz < 9.5 || run.rateHz > 105))
    lines.push(
      `redline detect: note: detectors are built for 10–100 Hz; these samples come at about ${run.rateHz.toFixed(1)} Hz\n`,
    );
  const count = (type: string) => run.events.filter((e) => e.type === type).length;
  lines.push(
    `redline detect: ${run.samples} samples (${format}), ${clock(run.first_ms)}–${clock(run.last_ms)}${rate}; ` +
      `detector ${detector}: ${count('orgasm')} orgasm, ${count('distress')} distress\n`,
  );
  return lines.join('');
}
