/** A cell as SQLite stores it in Redline's STRICT tables (no BLOBs). */
export type ExportCell = string | number | null;
export type ExportRow = Readonly<Record<string, ExportCell>>;

/**
 * Everything a store holds, as one JSON document (docs/data.md). Rows are exactly as stored:
 * JSON columns stay the text they were written as, so agreement hashes and signatures still
 * match them byte for byte after an import.
 */
export type RedlineExport = Readonly<{
  format: 'redline-export';
  version: 1;
  exportedAt: string;
  /** The schema the rows follow (PRAGMA user_version); an import migrates older ones. */
  schemaVersion: number;
  /** Every table, parents first; each table's rows in the order they were stored. */
  tables: Readonly<Record<string, readonly ExportRow[]>>;
}>;

export const EXPORT_FORMAT = 'redline-export';
export const EXPORT_VERSION = 1;
