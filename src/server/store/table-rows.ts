import type Database from 'better-sqlite3-multiple-ciphers';
import type { ExportCell, ExportRow } from './export-format';
import { quoted, type TableInfo } from './schema-info';
import { StoreError } from './store-error';

/** A table's rows in the order they were stored (rowid), or by key for WITHOUT ROWID tables. */
export function rowsOf(db: Database.Database, table: TableInfo): ExportRow[] {
  const order = table.withoutRowid ? table.key.map(quoted).join(', ') : 'rowid';
  const rows = db
    .prepare<[], Record<string, unknown>>(`SELECT * FROM ${quoted(table.name)} ORDER BY ${order}`)
    .safeIntegers(true)
    .all();
  return rows.map((row, i) => {
    const out: Record<string, ExportCell> = {};
    for (const column of table.columns) out[column.name] = cell(row[column.name], table, i);
    return out;
  });
}

function cell(value: unknown, table: TableInfo, index: number): ExportCell {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    // JSON numbers are doubles: a larger integer would come back changed, so refuse it.
    if (value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER))
      return Number(value);
    throw new StoreError(
      `cannot export table ${table.name}, row ${index + 1}: ${value} is too large for JSON`,
    );
  }
  throw new StoreError(
    `cannot export table ${table.name}, row ${index + 1}: a binary value has no JSON form`,
  );
}
