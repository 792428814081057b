import Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS, migrate } from './migrations';

/**
 * The tables of a database as SQLite itself describes them (sqlite_master and the table
 * pragmas), so export and import follow the schema as it is and a new table cannot be forgotten.
 */
export type ColumnInfo = Readonly<{
  name: string;
  /** The declared type: TEXT, INTEGER or REAL in Redline's STRICT tables. */
  type: string;
  notNull: boolean;
  /** 1-based position in the primary key, 0 if not part of it. */
  pk: number;
}>;

export type TableInfo = Readonly<{
  name: string;
  columns: readonly ColumnInfo[];
  /** The primary key's columns in key order; empty for a table without one. */
  key: readonly string[];
  withoutRowid: boolean;
  /** The tables this one's foreign keys point to. */
  parents: readonly string[];
}>;

export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every table but SQLite's own (sqlite_sequence, sqlite_stat1…), parents before the tables that
 * refer to them, otherwise in the order they were created.
 */
export function tablesOf(db: Database.Database): TableInfo[] {
  const names = db
    .prepare<[], string>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       ORDER BY rowid`,
    )
    .pluck()
    .all();
  const tables = names.map((name): TableInfo => {
    const columns = db
      .prepare<[string], { name: string; type: string; notnull: number; pk: number }>(
        `SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid`,
      )
      .all(name)
      .map((c) => ({
        name: c.name,
        type: c.type.toUpperCase(),
        notNull: c.notnull === 1,
        pk: c.pk,
      }));
    const listed = db
      .prepare<[string], { wr: number }>(`SELECT wr FROM pragma_table_list(?)`)
      .get(name);
    const parents = db
      .prepare<[string], string>(`SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`)
      .pluck()
      .all(name)
      .filter((parent) => parent !== name);
    return {
      name,
      columns,
      key: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      withoutRowid: listed?.wr === 1,
      parents,
    };
  });
  return parentsFirst(tables);
}

function parentsFirst(tables: readonly TableInfo[]): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const known = new Set(tables.map((t) => t.name));
  let rest = [...tables];
  while (rest.length > 0) {
    const ready = rest.filter((t) => t.parents.every((p) => placed.has(p) || !known.has(p)));
    // A cycle of foreign keys: keep creation order for what is left rather than loop forever.
    const next = ready.length > 0 ? ready : rest;
    for (const t of next) {
      ordered.push(t);
      placed.add(t.name);
    }
    rest = rest.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

/** An empty in-memory database with the schema of `version` (1 … the latest). */
export function emptyDatabaseAt(version: number): Database.Database {
  const db = new Database(':memory:');
  try {
    migrate(db, ':memory:', MIGRATIONS.slice(0, version));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const schemas = new Map<number, TableInfo[]>();

/** The tables of schema `version`, as its migrations create them. */
export function schemaAt(version: number): readonly TableInfo[] {
  const known = schemas.get(version);
  if (known !== undefined) return known;
  const db = emptyDatabaseAt(version);
  try {
    const tables = tablesOf(db);
    schemas.set(version, tables);
    return tables;
  } finally {
    db.close();
  }
}
