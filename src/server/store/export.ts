import type Database from 'better-sqlite3-multiple-ciphers';
import { schemaVersion } from './migrations';
import { openDataFile, type DataOptions } from './open-data';
import { tablesOf } from './schema-info';
import { rowsOf } from './table-rows';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportRow, type RedlineExport } from './export-format';

export * from './export-format';

export { importAll, type ImportSummary } from './import';

/**
 * Every row of every table of `db` (read from sqlite_master, so no table can be left out), in
 * one read transaction: a server writing at the same time never yields half a scene.
 */
export function exportDatabase(
  db: Database.Database,
  exportedAt: Date = new Date(),
): RedlineExport {
  const read = db.transaction(() => {
    const tables: Record<string, readonly ExportRow[]> = {};
    for (const table of tablesOf(db)) tables[table.name] = rowsOf(db, table);
    return { tables, version: schemaVersion(db) };
  });
  const { tables, version } = read();
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    schemaVersion: version,
    tables,
  };
}

/** Opens the store at `path` (which must exist), exports it and closes it again. */
export function exportAll(
  path: string,
  options: DataOptions & { exportedAt?: Date } = {},
): RedlineExport {
  const db = openDataFile(path, { ...options, create: false });
  try {
    return exportDatabase(db, options.exportedAt);
  } finally {
    db.close();
  }
}

/**
 * The document as JSON text: one row per line, so a large export stays readable and diffable,
 * and the whole is still plain JSON.
 */
export function formatExport(data: RedlineExport): string {
  const tables = Object.entries(data.tables).map(([name, rows]) => {
    const body = rows.map((row) => `      ${JSON.stringify(row)}`).join(',\n');
    return `    ${JSON.stringify(name)}: [${rows.length === 0 ? '' : `\n${body}\n    `}]`;
  });
  return [
    '{',
    `  "format": ${JSON.stringify(data.format)},`,
    `  "version": ${data.version},`,
    `  "exportedAt": ${JSON.stringify(data.exportedAt)},`,
    `  "schemaVersion": ${data.schemaVersion},`,
    `  "tables": {${tables.length === 0 ? '}' : `\n${tables.join(',\n')}\n  }`}`,
    '}',
    '',
  ].join('\n');
}
