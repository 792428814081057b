import type Database from 'better-sqlite3-multiple-ciphers';
import { replay, type Result } from '../../core';
import { jsonEventCodec } from './event-codec';
import { parseExport } from './export-schema';
import type { ExportRow, RedlineExport } from './export-format';
import { migrate } from './migrations';
import { openDataFile, type DataOptions } from './open-data';
import { emptyDatabaseAt, quoted, tablesOf, type TableInfo } from './schema-info';
import { readEvents } from './scene-log';
import { prepareStatements } from './statements';
import { reasonOf, sqliteCode, StoreError } from './store-error';
import { rowsOf } from './table-rows';

export type ImportSummary = Readonly<{
  path: string;
  /** Rows written per table. */
  rows: Readonly<Record<string, number>>;
  scenes: number;
  events: number;
  negotiations: number;
}>;

type Rows = Readonly<Record<string, readonly ExportRow[]>>;

const MAX_PROBLEMS = 20;

/** Refuses the import from inside its transaction, so everything written is rolled back. */
class Refusal extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/**
 * Writes an export (untrusted: `input` is whatever the file held) into the store at `path`,
 * creating it if missing, all in one transaction or not at all. Refused, with nothing written:
 * a document that is not a valid export of a schema this Redline knows; rows that break the
 * schema's rules or refer to rows the export lacks; a row whose key is already in the store
 * (the message names the table and the key); a scene whose log no longer reads back or replays.
 */
export function importAll(
  path: string,
  input: unknown,
  options: DataOptions = {},
): Result<ImportSummary> {
  const parsed = parseExport(input);
  if (!parsed.ok) return parsed;
  const staged = upgraded(parsed.value);
  if (!staged.ok) return staged;
  const db = openDataFile(path, { ...options, create: true });
  try {
    return write(db, path, staged.value);
  } finally {
    db.close();
  }
}

/**
 * The export's rows in this Redline's schema: loaded into an empty in-memory database of the
 * export's own schema (where SQLite checks every constraint and reference), then brought up to
 * date by the same migrations a store file goes through.
 */
function upgraded(data: RedlineExport): Result<Rows> {
  const mem = emptyDatabaseAt(data.schemaVersion);
  try {
    // Off while loading, then checked all at once: the problems name tables and rows.
    mem.pragma('foreign_keys = OFF');
    const errors: string[] = [];
    const load = mem.transaction(() => {
      for (const table of tablesOf(mem)) {
        const insert = insertStatement(mem, table);
        (data.tables[table.name] ?? []).forEach((row, i) => {
          if (errors.length > MAX_PROBLEMS) return;
          try {
            insert.run(table.columns.map((c) => row[c.name] ?? null));
          } catch (error) {
            errors.push(`tables.${table.name}[${i}]: ${reasonOf(error)}`);
          }
        });
      }
    });
    load();
    if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_PROBLEMS) };
    const dangling = mem
      .prepare<[], { table: string; rowid: number | null; parent: string }>(
        'PRAGMA foreign_key_check',
      )
      .all();
    for (const d of dangling.slice(0, MAX_PROBLEMS))
      errors.push(
        // Rows went into empty tables in order, so a rowid is the row's position plus one.
        `tables.${d.table}${d.rowid === null ? '' : `[${d.rowid - 1}]`}: refers to a row of ` +
          `${d.parent} that is not in the export`,
      );
    if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_PROBLEMS) };
    migrate(mem, ':memory:');
    const rows: Record<string, readonly ExportRow[]> = {};
    for (const table of tablesOf(mem)) rows[table.name] = rowsOf(mem, table);
    return { ok: true, value: rows };
  } finally {
    mem.close();
  }
}

function insertStatement(db: Database.Database, table: TableInfo) {
  const columns = table.columns.map((c) => quoted(c.name));
  return db.prepare<[(string | number | null)[]]>(
    `INSERT INTO ${quoted(table.name)} (${columns.join(', ')}) ` +
      `VALUES (${columns.map(() => '?').join(', ')})`,
  );
}

/** A row's key in words: `scene_id "s1"`, `(negotiation_id "n", role "dominant")`. */
function keyOf(table: TableInfo, row: ExportRow, index: number): string {
  if (table.key.length === 0) return `row ${index + 1}`;
  const parts = table.key.map((k) => `${k} ${JSON.stringify(row[k] ?? null)}`);
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(', ')})`;
}

function write(db: Database.Database, path: string, rows: Rows): Result<ImportSummary> {
  const tables = tablesOf(db);
  const counts: Record<string, number> = {};
  let events = 0;
  const writeAll = db.transaction(() => {
    for (const table of tables) {
      const insert = insertStatement(db, table);
      const where = table.key.map((k) => `${quoted(k)} IS ?`).join(' AND ');
      const existing =
        table.key.length === 0
          ? null
          : db.prepare(`SELECT 1 FROM ${quoted(table.name)} WHERE ${where}`);
      const list = rows[table.name] ?? [];
      list.forEach((row, i) => {
        const key = () => keyOf(table, row, i);
        if (existing?.get(table.key.map((k) => row[k] ?? null)) !== undefined)
          throw new Refusal([
            `table ${table.name}: ${key()} is already in the store at ${path}; ` +
              'import into a fresh data folder, or delete your data first',
          ]);
        try {
          insert.run(table.columns.map((c) => row[c.name] ?? null));
        } catch (error) {
          if (!(sqliteCode(error) ?? '').startsWith('SQLITE_CONSTRAINT')) throw error;
          throw new Refusal([
            `table ${table.name}: ${key()} conflicts with a row already in the store at ${path} ` +
              `(${reasonOf(error)})`,
          ]);
        }
      });
      counts[table.name] = list.length;
    }
    events = verifyScenes(db, path, rows);
  });
  try {
    writeAll.immediate();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.problems };
    throw new StoreError(`could not import into ${path}: ${reasonOf(error)}`, { cause: error });
  }
  return {
    ok: true,
    value: {
      path,
      rows: counts,
      scenes: counts['scenes'] ?? 0,
      events,
      negotiations: counts['negotiations'] ?? 0,
    },
  };
}

/**
 * Reads every imported scene's log back the way the store does (every event validated, the
 * numbering and columns checked) and replays it with the core: a log that would not fold is
 * refused here rather than found broken later. Returns how many events were read.
 */
function verifyScenes(db: Database.Database, path: string, rows: Rows): number {
  const context = {
    path,
    statements: prepareStatements(db),
    codec: jsonEventCodec,
    isOpen: () => db.open,
  };
  let count = 0;
  const problems: string[] = [];
  for (const scene of rows['scenes'] ?? []) {
    const sceneId = String(scene['scene_id']);
    const events = readEvents(context, sceneId);
    if (!events.ok) {
      problems.push(...events.errors);
      continue;
    }
    try {
      replay(events.value);
    } catch (error) {
      problems.push(`scene "${sceneId}": its events do not replay (${reasonOf(error)})`);
    }
    count += events.value.length;
  }
  if (problems.length > 0) throw new Refusal(problems.slice(0, MAX_PROBLEMS));
  return count;
}
