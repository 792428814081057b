import type Database from 'better-sqlite3-multiple-ciphers';
import type { Journal } from './journal';
import type { Attempt } from './negotiation-store';

/** A sensor reading kept for a scene's history; `at` is the scene clock, as in its events. */
export type Reading = Readonly<{ at: number; kind: 'pressure' | 'heart-rate'; value: number }>;
/** How long a stop took from its request reaching the scene to the device side's confirmation. */
export type StopTiming = Readonly<{ at: number; reachedAfterMs: number }>;

/**
 * A scene's traces for its history (migration 3): readings and stop timings. Unlike events they
 * are not the scene (the fold never reads them), so the runtime stores them after the fact and a
 * failure here never stops a scene.
 */
export type HistoryStore = {
  addReading(sceneId: string, reading: Reading): void;
  /** Many readings, of any scenes, in one transaction (one commit): all or none. */
  addReadings(rows: readonly Readonly<{ sceneId: string; reading: Reading }>[]): void;
  /**
   * As `addReadings`, in the store's next group commit (decision 0017): no commit of its own. A
   * failure is handed to `failed`.
   */
  stageReadings(
    rows: readonly Readonly<{ sceneId: string; reading: Reading }>[],
    failed: (error: Error) => void,
  ): void;
  /** One per stop: a second timing at the same scene time is ignored. */
  addStopTiming(sceneId: string, timing: StopTiming): void;
  /** As `addStopTiming`, in the store's next group commit. A failure is handed to `failed`. */
  stageStopTiming(sceneId: string, timing: StopTiming, failed: (error: Error) => void): void;
  /** In scene time order. */
  readings(sceneId: string): Reading[];
  stopTimings(sceneId: string): StopTiming[];
};

type ReadingRecord = { at: number; kind: 'pressure' | 'heart-rate'; value: number };

function prepare(db: Database.Database) {
  return {
    insertReading: db.prepare<[string, number, string, number]>(
      `INSERT INTO readings (scene_id, at, kind, value) VALUES (?, ?, ?, ?)`,
    ),
    // rowid keeps readings taken in the same millisecond in the order they came.
    readings: db.prepare<[string], ReadingRecord>(
      `SELECT at, kind, value FROM readings WHERE scene_id = ? ORDER BY at, rowid`,
    ),
    insertStopTiming: db.prepare<[string, number, number]>(
      `INSERT INTO stop_timings (scene_id, at, reached_after_ms) VALUES (?, ?, ?)
       ON CONFLICT (scene_id, at) DO NOTHING`,
    ),
    stopTimings: db.prepare<[string], { at: number; reached_after_ms: number }>(
      `SELECT at, reached_after_ms FROM stop_timings WHERE scene_id = ? ORDER BY at`,
    ),
  };
}

/** Scene times are whole milliseconds (STRICT INTEGER columns refuse a fraction). */
const whole = (at: number) => Math.max(0, Math.round(at));

export function createHistoryStore(options: {
  db: Database.Database;
  attempt: Attempt;
  journal: Journal;
}): HistoryStore {
  const { journal } = options;
  const { attempt } = options;
  const s = prepare(options.db);
  const insertMany = options.db.transaction(
    (rows: readonly Readonly<{ sceneId: string; reading: Reading }>[]) => {
      for (const { sceneId, reading } of rows)
        s.insertReading.run(sceneId, whole(reading.at), reading.kind, reading.value);
    },
  );
  /**
   * A trace write in the next group commit, inside a savepoint of its own (`insertMany` nested in
   * the commit's transaction): a trace SQLite refuses is rolled back alone, never the scenes'
   * events beside it. A failed commit fails it too.
   */
  const stageTrace = (write: () => void, failed: (error: Error) => void) => {
    let refused: Error | null = null;
    journal.add({
      bulk: true,
      run: () => {
        try {
          options.db.transaction(write)();
        } catch (error) {
          refused = error as Error;
        }
      },
      done: (error) => {
        const failure = error ?? refused;
        if (failure !== null) failed(failure);
      },
    });
  };
  const noScene = (sceneId: string) => ({
    SQLITE_CONSTRAINT_FOREIGNKEY: `scene "${sceneId}" is not in the store`,
  });
  return {
    addReading(sceneId, { at, kind, value }) {
      attempt(
        `store a ${kind} reading of scene "${sceneId}"`,
        () => s.insertReading.run(sceneId, whole(at), kind, value),
        noScene(sceneId),
      );
    },
    addReadings(rows) {
      if (rows.length === 0) return;
      attempt(`store ${rows.length} readings`, () => {
        insertMany(rows);
      });
    },
    stageReadings(rows, failed) {
      if (rows.length === 0) return;
      stageTrace(() => {
        insertMany(rows);
      }, failed);
    },
    stageStopTiming(sceneId, { at, reachedAfterMs }, failed) {
      stageTrace(() => {
        s.insertStopTiming.run(sceneId, whole(at), Math.max(0, reachedAfterMs));
      }, failed);
    },
    addStopTiming(sceneId, { at, reachedAfterMs }) {
      attempt(
        `store the stop timing of scene "${sceneId}"`,
        () => s.insertStopTiming.run(sceneId, whole(at), Math.max(0, reachedAfterMs)),
        noScene(sceneId),
      );
    },
    readings: (sceneId) =>
      attempt(`read the readings of scene "${sceneId}"`, () => s.readings.all(sceneId)),
    stopTimings: (sceneId) =>
      attempt(`read the stop timings of scene "${sceneId}"`, () =>
        s.stopTimings.all(sceneId).map((r) => ({ at: r.at, reachedAfterMs: r.reached_after_ms })),
      ),
  };
}
