import type { Sample } from '../../core';
import {
  NO_SAMPLES,
  type LineOutcome,
  type RecordingParser,
} from '../../devices/edge-o-matic/recordings/recording-parser';

/**
 * Redline's plain trace format (docs/cli.md, "Trace files"): a header line naming the columns,
 * then one row per sample. `t_ms` and `pressure` are required; `hr` (bpm) and `output` (0–1, as
 * commanded) are optional, and their cells may be empty. Columns come in any order. Times are
 * whole or decimal milliseconds, strictly increasing; a gap is just missing rows.
 */
export const CSV_COLUMNS = ['t_ms', 'pressure', 'hr', 'output'] as const;
type Column = (typeof CSV_COLUMNS)[number];

export const HR_RANGE = { min: 20, max: 300 } as const;

const isColumn = (name: string): name is Column =>
  (CSV_COLUMNS as readonly string[]).includes(name);

/** A plain decimal number: `12`, `-3.5`, `.25`, `1e3`. No hex, no `Infinity`, no spaces inside. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

export function createCsvTraceParser(): RecordingParser {
  let columns: readonly Column[] | undefined;
  let previous: Readonly<{ t_ms: number; text: string }> | undefined;

  const header = (text: string, n: number): LineOutcome => {
    const names = text.split(',').map((c) => c.trim());
    const error = headerProblem(names);
    if (error !== undefined) return { ok: false, error: `line ${n}: ${error}` };
    columns = names.filter(isColumn);
    return { ok: true, samples: NO_SAMPLES };
  };

  const row = (cols: readonly Column[], text: string, n: number): LineOutcome => {
    const cells = text.split(',').map((c) => c.trim());
    if (cells.length !== cols.length)
      return {
        ok: false,
        error: `line ${n}: ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, but the header names ${cols.length} (${cols.join(',')})`,
      };
    const values: Partial<Record<Column, number>> = {};
    for (const [i, column] of cols.entries()) {
      const cell = cells[i] ?? '';
      const where = `line ${n}, column ${i + 1} (${column})`;
      if (cell === '') {
        if (column === 't_ms' || column === 'pressure')
          return { ok: false, error: `${where}: empty, but every row needs a ${column}` };
        continue;
      }
      const value = parseCell(cell);
      if (typeof value === 'string') return { ok: false, error: `${where}: ${value}` };
      const problem = rangeProblem(column, value);
      if (problem !== undefined) return { ok: false, error: `${where}: ${problem}` };
      values[column] = value;
    }
    const { t_ms, pressure, hr, output } = values;
    if (t_ms === undefined || pressure === undefined)
      throw new Error('required cells were checked');
    const tText = cells[cols.indexOf('t_ms')] ?? '';
    if (previous !== undefined && t_ms <= previous.t_ms)
      return {
        ok: false,
        error:
          t_ms === previous.t_ms
            ? `line ${n}: t_ms ${tText} repeats the previous row's time (each row is one moment)`
            : `line ${n}: t_ms ${tText} is not after the previous ${previous.text}`,
      };
    previous = { t_ms, text: tText };
    const sample: Sample = {
      t_ms,
      pressure,
      ...(hr === undefined ? {} : { hr }),
      ...(output === undefined ? {} : { output }),
    };
    return { ok: true, samples: [sample] };
  };

  return {
    line: (text, n) => (columns === undefined ? header(text, n) : row(columns, text, n)),
    end: () =>
      columns === undefined
        ? {
            ok: false,
            error: `the file is empty: a trace starts with a header line such as ${CSV_COLUMNS.join(',')}`,
          }
        : { ok: true, samples: NO_SAMPLES },
  };
}

function headerProblem(names: readonly string[]): string | undefined {
  const [first] = names;
  if (first === 'millis')
    return 'this looks like an Edge-o-Matic SD-card log, not Redline’s plain CSV: use --format eom-log';
  if (first?.startsWith('{'))
    return 'this looks like a captured Edge-o-Matic stream (JSON), not CSV: use --format eom-stream';
  if (first !== undefined && DECIMAL.test(first))
    return `the first line must be a header naming the columns (such as ${CSV_COLUMNS.join(',')}), not data`;
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (name === '') return `column ${i + 1} of the header has no name`;
    if (!isColumn(name))
      return `unknown column "${name}" (the columns are ${CSV_COLUMNS.join(', ')}; names are lower case)`;
    if (seen.has(name)) return `column "${name}" appears twice in the header`;
    seen.add(name);
  }
  for (const required of ['t_ms', 'pressure'] as const)
    if (!seen.has(required))
      return `the header has no "${required}" column (t_ms and pressure are required; hr and output optional)`;
  return undefined;
}

/** A finite number, or why not. */
function parseCell(cell: string): number | string {
  if (NOT_FINITE.test(cell)) return `"${cell}" is not a finite number`;
  if (!DECIMAL.test(cell)) return `"${cell}" is not a number`;
  const value = Number(cell);
  return Number.isFinite(value) ? value : `"${cell}" is not a finite number (too large)`;
}

function rangeProblem(column: Column, value: number): string | undefined {
  switch (column) {
    case 't_ms':
      return value < 0 ? `${value} is negative: times count from 0` : undefined;
    case 'pressure':
      return undefined;
    case 'hr':
      return value < HR_RANGE.min || value > HR_RANGE.max
        ? `${value} bpm is outside ${HR_RANGE.min}–${HR_RANGE.max} (leave the cell empty when there is no reading)`
        : undefined;
    case 'output':
      return value < 0 || value > 1
        ? `${value} is outside 0–1 (output is a fraction of full power)`
        : undefined;
  }
}

/** Samples as Redline's plain CSV, with the columns they use; what the reader reads back. */
export function formatCsvTrace(samples: readonly Sample[]): string {
  const hasHr = samples.some((s) => s.hr !== undefined);
  const hasOutput = samples.some((s) => s.output !== undefined);
  const header = ['t_ms', 'pressure', ...(hasHr ? ['hr'] : []), ...(hasOutput ? ['output'] : [])];
  const rows = samples.map((s) =>
    [
      s.t_ms,
      s.pressure,
      ...(hasHr ? [s.hr ?? ''] : []),
      ...(hasOutput ? [s.output ?? ''] : []),
    ].join(','),
  );
  return `${header.join(',')}\n${rows.join('\n')}\n`;
}
