import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { FastifyInstance } from 'fastify';
import { createAttemptLimiter } from '../../src/server/attempt-limiter';
import { buildApp } from '../../src/server/http/app';
import { exportDatabase, type ExportRow } from '../../src/server/store/export';
import { openDataFile } from '../../src/server/store/open-data';
import type { TestRedline } from '../support/redline-server';

/**
 * What the hostile-input suites share: a second, read-only look at the store (every row of every
 * table, so no table can be left out of "nothing changed"), the simulated toys, a health check,
 * the same app with a limiter that never locks the fuzz out, and heap figures after a forced GC.
 */

export type Tables = Readonly<Record<string, readonly ExportRow[]>>;

/** A connection of its own to the running server's SQLite file (WAL: it sees every commit). */
export function storeReader(r: TestRedline) {
  const db: Database.Database = openDataFile(join(r.dataDir, 'redline.sqlite'), { create: false });
  return {
    tables: (): Tables => exportDatabase(db).tables,
    close: () => {
      db.close();
    },
  };
}

/** Row counts per table, for messages people can read. */
export const counts = (tables: Tables) =>
  Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));

/**
 * The tables as they must be after a refused input. A well-formed frame that was refused still
 * spends its `seq` (the replay guard, docs/protocol.md): `except` names the participants whose
 * `last_seq` may have risen, and to what.
 */
export function comparable(
  tables: Tables,
  except: readonly { sceneId: string; role: string; seq: number }[] = [],
): Tables {
  const participants = (tables['participants'] ?? []).map((row) => {
    const spent = except.find((e) => e.sceneId === row['scene_id'] && e.role === row['role']);
    return spent === undefined ? row : { ...row, last_seq: 'spent' };
  });
  // Readings are written in batches, up to a second after the acknowledged frame or sample that
  // carried them (decision 0015), so one may land while a later frame is judged; a refused
  // frame never reaches the recorder (the runtime records a reading only once it accepted it).
  return {
    ...Object.fromEntries(Object.entries(tables).filter(([t]) => t !== 'readings')),
    participants,
  };
}

/** Every simulated toy output, as the device server holds it. */
export const toys = (r: TestRedline) =>
  r.sim.outputs().map((o) => `${o.deviceIndex}/${o.featureIndex}/${o.type}=${o.value}`);

export async function healthy(r: TestRedline): Promise<boolean> {
  const answer = await fetch(new URL('/api/health', r.url));
  return answer.status === 200 && ((await answer.json()) as { ok?: boolean }).ok === true;
}

/**
 * The running server's app once more (same registry, store, devices and negotiations), built with
 * a limiter that never refuses: the fuzz must reach the parsers behind the rate limit. The real
 * limiter has its own tests over the real server.
 */
export async function unlimitedApp(r: TestRedline): Promise<FastifyInstance> {
  const app = await buildApp({
    registry: r.server.registry,
    hub: r.server.hub,
    negotiations: r.server.negotiations,
    store: r.server.store,
    webRoot: join(r.dataDir, 'no-web-app'),
    panelBaseUrl: () => r.url,
    limiter: createAttemptLimiter({ max: Number.MAX_SAFE_INTEGER, windowMs: 1 }),
  });
  await app.ready();
  return app;
}

/** A forced full GC (the flag set at run time: vitest's workers start without --expose-gc). */
const gc: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Heap in use after a forced GC, in MiB. */
export async function heapAfterGc(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/**
 * Memory is flat when the last rounds hold no more than `boundMiB` over the first (warmed-up)
 * round and the heap shows no steady climb (the least-squares slope per round stays small).
 */
export function memoryVerdict(heapMiB: readonly number[], boundMiB: number) {
  const n = heapMiB.length;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const xs = heapMiB.map((_, i) => i);
  const mx = mean(xs);
  const my = mean(heapMiB);
  const slope =
    xs.reduce((s, x, i) => s + (x - mx) * ((heapMiB[i] ?? 0) - my), 0) /
    xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const growth = (heapMiB[n - 1] ?? 0) - (heapMiB[0] ?? 0);
  return {
    figures: heapMiB.map((h) => h.toFixed(1)).join(' → ') + ' MiB',
    growth,
    slope,
    flat: growth <= boundMiB && slope <= boundMiB / n,
  };
}
