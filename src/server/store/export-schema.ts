import { z } from 'zod';
import { parseWith, type Result } from '../../core';
import { latestVersion } from './migrations';
import { schemaAt, type ColumnInfo, type TableInfo } from './schema-info';
import { EXPORT_FORMAT, EXPORT_VERSION, type RedlineExport } from './export-format';

/**
 * An export file is untrusted: it is checked in full before anything is written. First its
 * envelope (a Redline export, a version this code reads, a schema no newer than this Redline's),
 * then every table and every row against the schema the export names: every table of that
 * schema present, no other, and every row with exactly that table's columns and types.
 */
/** A message of our own for a wrong value; a missing one is reported as "is required". */
const unlessMissing = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : message),
});

const envelopeSchema = z.strictObject({
  format: z.literal(
    EXPORT_FORMAT,
    unlessMissing(`must be "${EXPORT_FORMAT}" (this is not a Redline export)`),
  ),
  version: z.literal(
    EXPORT_VERSION,
    unlessMissing(`must be ${EXPORT_VERSION}: this export format is not one this Redline reads`),
  ),
  exportedAt: z.iso.datetime(
    unlessMissing('must be a date and time (ISO 8601, as Redline writes it)'),
  ),
  schemaVersion: z.int().min(1, 'must be at least 1'),
  tables: z.record(z.string(), z.array(z.unknown())),
});

const safeInt = z
  .int()
  .min(Number.MIN_SAFE_INTEGER, 'is too large')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

function cellSchema(column: ColumnInfo): z.ZodType<string | number | null> {
  const base: z.ZodType<string | number> =
    column.type === 'TEXT'
      ? z.string()
      : column.type === 'INTEGER'
        ? safeInt
        : column.type === 'REAL'
          ? z.number()
          : column.type === 'ANY' || column.type === ''
            ? z.union([z.string(), z.number()], unlessMissing('must be text or a number'))
            : unsupported(column);
  return column.notNull ? base : base.nullable();
}

function unsupported(column: ColumnInfo): never {
  // A broken invariant, not bad input: a column the export format cannot carry was added.
  throw new Error(`column ${column.name} has type ${column.type}, which an export cannot hold`);
}

const rowSchemas = new Map<string, z.ZodType<Record<string, string | number | null>>>();

function rowSchema(version: number, table: TableInfo) {
  const id = `${version}:${table.name}`;
  const known = rowSchemas.get(id);
  if (known !== undefined) return known;
  const shape = Object.fromEntries(table.columns.map((c) => [c.name, cellSchema(c)]));
  const schema = z.strictObject(shape);
  rowSchemas.set(id, schema);
  return schema;
}

/** Reports at most this many problems: a broken file would otherwise flood the terminal. */
const MAX_PROBLEMS = 20;

export function parseExport(input: unknown): Result<RedlineExport> {
  const envelope = parseWith(envelopeSchema, input);
  if (!envelope.ok) return envelope;
  const { schemaVersion, tables } = envelope.value;
  const latest = latestVersion();
  if (schemaVersion > latest)
    return {
      ok: false,
      errors: [
        `schemaVersion: ${schemaVersion} is newer than this Redline knows (up to ${latest}): ` +
          'update Redline to import this export',
      ],
    };

  const schema = schemaAt(schemaVersion);
  const errors: string[] = [];
  const known = new Set(schema.map((t) => t.name));
  for (const name of Object.keys(tables))
    if (!known.has(name))
      errors.push(`tables.${name}: not a table of Redline's schema ${schemaVersion}`);
  for (const table of schema) {
    const rows = tables[table.name];
    if (rows === undefined) {
      errors.push(`tables.${table.name}: is missing (an export has every table, even empty)`);
      continue;
    }
    const rowsSchema = z.array(rowSchema(schemaVersion, table));
    const parsed = parseWith(rowsSchema, rows, `tables.${table.name}`);
    if (!parsed.ok) errors.push(...parsed.errors);
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_PROBLEMS);
    if (errors.length > MAX_PROBLEMS) shown.push(`… and ${errors.length - MAX_PROBLEMS} more`);
    return { ok: false, errors: shown };
  }
  // Every table and row has just been checked against the schema.
  return { ok: true, value: envelope.value as RedlineExport };
}
