import type { Sample } from '../../../core';
import { MOTOR_MAX } from '../motor-gate';
import { NO_SAMPLES, type LineOutcome, type RecordingParser } from './recording-parser';

/*
 * The Edge-o-Matic 3000's SD-card log, `log-YYYYMMDD-HHMMSS.csv`. What its firmware writes, read
 * in the public repository MausTec/edge-o-matic-3000 (facts only; README.md here lists the files):
 *
 * - Every generation writes the same first six header names: millis, pressure, avg_pressure,
 *   arousal, motor_speed, sensitivity_threshold; later ones add clench_pressure_threshold,
 *   clench_duration, and the current one (src/data_logger.c) instead adds detect_state,
 *   detect_mode_used, baseline, sustained_ms, peak_count, last_interval_ms.
 * - `millis` is the row's tick minus the tick when recording started.
 * - The Arduino firmware (src/OrgasmControl.cpp) writes rows as labelled: millis, the raw
 *   pressure, its running average, arousal, motor speed (0–255), the threshold (then the two
 *   clench values; for a while its header lacked them, so rows had 8 values under 6 names).
 * - The ESP-IDF firmware (src/orgasm_control.c, then src/data_logger.c) never logs the raw
 *   pressure, but kept the header: each row is millis, the running average, arousal, motor speed,
 *   the threshold, … — every value after millis sits one column left of its label (the column
 *   "pressure" holds the average, "avg_pressure" arousal, "arousal" the motor, "motor_speed" the
 *   threshold). So rows have one value fewer than the header has names, except in versions that
 *   append orgasm_count (issue #95 in that repository reports exactly this: motor_speed
 *   "always 162", the threshold). Its orgasm_control.c also writes the header without a newline,
 *   so the first row is glued to the last name ("…,sensitivity_threshold0,1714,…");
 *   src/data_logger.c ends the header with a newline.
 */

const BASE = [
  'millis',
  'pressure',
  'avg_pressure',
  'arousal',
  'motor_speed',
  'sensitivity_threshold',
] as const;
const CLENCH = [...BASE, 'clench_pressure_threshold', 'clench_duration'] as const;
const DETECTION = [
  ...BASE,
  'detect_state',
  'detect_mode_used',
  'baseline',
  'sustained_ms',
  'peak_count',
  'last_interval_ms',
] as const;

type Layout = Readonly<{ motorColumn: number; pressureIsAverage: boolean; note: string }>;

/** Values where the header says (Arduino firmware). Column 1 is the raw pressure. */
const AS_LABELLED: Layout = {
  motorColumn: 4,
  pressureIsAverage: false,
  note: 'Edge-o-Matic log read as labelled (Arduino firmware): raw pressure, motor_speed',
};
/** ESP-IDF firmware: every value after millis one column left of its label. */
const SHIFTED: Layout = {
  motorColumn: 3,
  pressureIsAverage: true,
  note:
    'Edge-o-Matic log from the ESP-IDF firmware, whose values sit one column left of their ' +
    'labels: pressure is the device’s running average (in the column labelled "pressure"), ' +
    'the motor speed is in the column labelled "arousal"',
};
/** A clean header with as many values as names could be either firmware: look at the values. */
const AMBIGUOUS = 'ambiguous';

type Header = Readonly<{ names: readonly string[]; glued: boolean }>;

/** Which layout a first row of `length` values under `header` means; undefined if none. */
function layoutFor(header: Header, length: number): Layout | typeof AMBIGUOUS | undefined {
  const names = header.names.length;
  if (length === names - 1) return SHIFTED;
  if (names === BASE.length && (length === 6 || length === 8)) return AS_LABELLED;
  if (names === CLENCH.length && length === 8) return header.glued ? SHIFTED : AMBIGUOUS;
  // Not seen in any firmware: a current one fixed to log the raw pressure under its name.
  if (names === DETECTION.length && length === 12) return AS_LABELLED;
  return undefined;
}

/** Rows looked at before choosing between the two firmwares when the shape cannot tell. */
const ROWS_TO_DECIDE = 16;

/**
 * Raw pressure and its running average (Arduino) stay close; the average and arousal (ESP-IDF)
 * do not, except by chance. Three rows in four must be close to read the log as labelled.
 */
function looksLabelled(rows: readonly Row[]): boolean {
  const close = rows.filter((r) => {
    const [a, b] = [Number(r.cells[1]), Number(r.cells[2])];
    return Math.abs(a - b) <= Math.max(50, 0.05 * Math.max(a, b));
  });
  return close.length * 4 >= rows.length * 3;
}

type Row = Readonly<{ n: number; cells: readonly string[]; terminated: boolean }>;

const INTEGER = /^-?\d{1,15}$/;

/** The Edge-o-Matic's SD-card log as samples: t_ms from the first row, pressure, motor → 0–1. */
export function createEomLogParser(): RecordingParser {
  let header: Header | undefined;
  let layout: Layout | typeof AMBIGUOUS | undefined;
  let rowLength = 0;
  let noted = false;
  const held: Row[] = [];
  let first: number | undefined;
  let previous: Readonly<{ millis: number; n: number }> | undefined;

  const toSample = (row: Row, chosen: Layout): Sample | string => {
    const cell = (i: number) => (row.cells[i] ?? '').trim();
    const pressure = cell(1);
    const motor = cell(chosen.motorColumn);
    if (!isCount(pressure, 65_535))
      return `line ${row.n}, column 2 (pressure): "${pressure}" is not a pressure reading (a whole number 0–65535)`;
    if (!isCount(motor, MOTOR_MAX))
      return `line ${row.n}, column ${chosen.motorColumn + 1} (labelled ${BASE[chosen.motorColumn] ?? '?'}): "${motor}" is not a motor speed (a whole number 0–255)`;
    const millis = Number(cell(0));
    first ??= millis;
    return { t_ms: millis - first, pressure: Number(pressure), output: Number(motor) / MOTOR_MAX };
  };

  /** Samples for rows whose layout is known; the layout's note comes with the first of them. */
  const emit = (rows: readonly Row[], chosen: Layout, why = ''): LineOutcome => {
    const samples: Sample[] = [];
    for (const row of rows) {
      const sample = toSample(row, chosen);
      if (typeof sample !== 'string') samples.push(sample);
      else if (!row.terminated) return cutOff(row.n, samples);
      else return { ok: false, error: sample };
    }
    if (noted) return { ok: true, samples };
    noted = true;
    return { ok: true, samples, note: `${chosen.note}${why}` };
  };

  const decide = (): LineOutcome => {
    const chosen = looksLabelled(held) ? AS_LABELLED : SHIFTED;
    layout = chosen;
    const rows = held.splice(0);
    return emit(
      rows,
      chosen,
      ` (judged from the first ${rows.length} rows: the header alone cannot tell)`,
    );
  };

  const row = (
    header: Header,
    cells: readonly string[],
    n: number,
    terminated: boolean,
  ): LineOutcome => {
    if (layout === undefined) {
      layout = layoutFor(header, cells.length);
      rowLength = cells.length;
      if (layout === undefined)
        return {
          ok: false,
          error: `line ${n}: ${cells.length} values under a header of ${header.names.length} names: no Edge-o-Matic firmware writes that`,
        };
    }
    if (cells.length !== rowLength) {
      if (!terminated) return cutOff(n, NO_SAMPLES);
      return {
        ok: false,
        error: `line ${n}: ${cells.length} values, but the rows before have ${rowLength}`,
      };
    }
    const millisText = (cells[0] ?? '').trim();
    if (!INTEGER.test(millisText)) {
      if (!terminated) return cutOff(n, NO_SAMPLES);
      return {
        ok: false,
        error: `line ${n}, column 1 (millis): "${millisText}" is not a whole number of milliseconds`,
      };
    }
    const millis = Number(millisText);
    if (previous !== undefined && millis <= previous.millis)
      return {
        ok: false,
        error:
          millis === previous.millis
            ? `line ${n}: millis ${millis} repeats line ${previous.n}'s`
            : `line ${n}: millis ${millis} is before line ${previous.n}'s ${previous.millis}`,
      };
    previous = { millis, n };
    const current: Row = { n, cells, terminated };
    if (layout !== AMBIGUOUS) return emit([current], layout);
    held.push(current);
    return held.length < ROWS_TO_DECIDE ? { ok: true, samples: NO_SAMPLES } : decide();
  };

  return {
    line(text, n, terminated) {
      const cells = text.split(',');
      if (header !== undefined) return row(header, cells, n, terminated);
      const found = readHeader(cells);
      if (found === undefined) return { ok: false, error: notAHeader(n, cells) };
      header = found.header;
      return found.firstRow === undefined
        ? { ok: true, samples: NO_SAMPLES }
        : row(header, found.firstRow, n, terminated);
    },
    end() {
      if (header === undefined)
        return {
          ok: false,
          error: `the file is empty: an Edge-o-Matic log starts with the header ${BASE.join(',')},…`,
        };
      return layout === AMBIGUOUS && held.length > 0 ? decide() : { ok: true, samples: NO_SAMPLES };
    },
  };
}

const isCount = (text: string, max: number) =>
  INTEGER.test(text) && Number(text) >= 0 && Number(text) <= max;

/** A cut-off last row (the device lost power mid-write): skipped, with a note. */
function cutOff(n: number, samples: readonly Sample[]): LineOutcome {
  return {
    ok: true,
    samples,
    note: `line ${n}, the last, is incomplete (the recording was cut off) and was skipped`,
  };
}

/**
 * One of the firmware's headers, either alone on its line or with the first row glued to its
 * last name (the ESP-IDF firmware wrote no newline after it).
 */
function readHeader(
  raw: readonly string[],
): { header: Header; firstRow: readonly string[] | undefined } | undefined {
  const cells = raw.map((c) => c.trim());
  for (const names of [DETECTION, CLENCH, BASE]) {
    const last = names.length - 1;
    if (!names.slice(0, last).every((name, i) => cells[i] === name)) continue;
    if (cells.length === names.length && cells[last] === names[last])
      return { header: { names, glued: false }, firstRow: undefined };
    const glued = new RegExp(`^${names[last] ?? ''}(-?\\d+)$`).exec(cells[last] ?? '');
    if (glued?.[1] !== undefined)
      return { header: { names, glued: true }, firstRow: [glued[1], ...cells.slice(names.length)] };
  }
  return undefined;
}

function notAHeader(n: number, cells: readonly string[]): string {
  const hint =
    cells[0]?.trim() === 't_ms' ? " (this looks like Redline's plain CSV: use --format csv)" : '';
  return `line ${n}: not an Edge-o-Matic log header: it starts with ${BASE.join(',')}${hint}`;
}
