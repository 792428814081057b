import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';
import {
  parseWith,
  replay,
  sceneEventSchema,
  type Agreement,
  type SceneEvent,
} from '../../src/core';
import { createButtplugAdapter } from '../../src/devices/buttplug/buttplug-adapter';
import {
  startButtplugSimServer,
  type ButtplugSimServer,
} from '../../src/devices/buttplug-sim/server';
import type { ClientFrame } from '../../src/protocol/frames';
import type { SceneView } from '../../src/protocol/view';
import { startServer, type RunningServer } from '../../src/server/start-server';
import type { StoreConnection } from '../../src/server/store/store';
import {
  acked,
  latestView,
  pairedScene,
  sleep,
  until,
  viewWhere,
  type Signed,
} from '../server/scene-setup';
import { isType } from '../support/ws-client';

/**
 * Helpers for the fault suite (README.md here): a Redline to break (in this process, or a real
 * `redline serve` child), a scene for two driven to its post-orgasm phase with a toy running,
 * and the three checks every fault test makes — every simulated toy at zero within a bound,
 * the log holding every acknowledged event, and a replay of that log equal to what the screens saw.
 */

/**
 * A short agreement for faults: a fast ramp so the toy runs at once, no orgasm phase to wait
 * through, a 3 s heartbeat timeout (heartbeats go every 300 ms) and a check-in far away.
 */
export const FAULT_AGREEMENT: Partial<Agreement> = {
  rampFullScaleSeconds: 1,
  orgasm: { max: 1, notBeforeSeconds: 0, early: 'post-orgasm', phaseSeconds: 0 },
  postOrgasm: { maxSeconds: 600, ceiling: 0.5 },
  panel: { heartbeatTimeoutSeconds: 3 },
  checkIn: { intervalSeconds: 600, answerTimeoutSeconds: 60, onMissed: 'stop' },
};
export const HEARTBEAT_MS = 300;

export const startSim = () =>
  startButtplugSimServer({ port: 0, devices: ['Lovense Lush', 'Lovense Nora'] });

/** A fresh data folder; removed by the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'redline-fault-'));
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type FaultRedline = Readonly<{
  url: string;
  server: RunningServer;
  dbPath: string;
  reports: string[];
  close(): Promise<void>;
}>;

/** Real Redline in this process on a real SQLite file, against `sim`. */
export async function startFaultRedline(options: {
  sim: ButtplugSimServer;
  dataDir: string;
  requestTimeoutMs?: number;
  storeFaultHook?: (db: StoreConnection) => void;
}): Promise<FaultRedline> {
  const dbPath = join(options.dataDir, 'redline.sqlite');
  const reports: string[] = [];
  const started = await startServer({
    host: '127.0.0.1',
    port: 0,
    databasePath: dbPath,
    devices: createButtplugAdapter({
      url: options.sim.url,
      requestTimeoutMs: options.requestTimeoutMs ?? 1000,
      scanMs: 0,
      reconnect: { firstMs: 100, maxMs: 400 },
    }),
    webRoot: join(options.dataDir, 'no-web-app'),
    report: (m) => reports.push(m),
    ...(options.storeFaultHook === undefined ? {} : { storeFaultHook: options.storeFaultHook }),
  });
  if (!started.ok) throw new Error(started.error);
  const { server } = started;
  return { url: server.url, server, dbPath, reports, close: () => server.close() };
}

export type ServeChild = Readonly<{
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}>;

const BIN = fileURLToPath(new URL('../../bin/redline.js', import.meta.url));

/** A real `redline serve --buttplug <sim> --data <dir> --port 0` child; resolves once it listens. */
export async function spawnServe(buttplugUrl: string, dataDir: string): Promise<ServeChild> {
  const env = { ...process.env };
  delete env.REDLINE_PASSPHRASE;
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--buttplug', buttplugUrl, '--data', dataDir, '--port', '0'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redline serve did not start within 15 s:\n${out}\n${err}`));
    }, 15_000);
    const look = () => {
      const match = /Open the console:\s+(http:\/\/\S+)/.exec(out);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      resolve(match[1]);
    };
    child.stdout.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`redline serve exited (${String(code)}) before listening:\n${out}\n${err}`));
    });
  });
  return { url, child, stdout: () => out, stderr: () => err, exited };
}

/** Frame type → the scene event it becomes (frames the server keeps to itself have none). */
const EVENT_OF: Partial<Record<ClientFrame['type'], SceneEvent['type']>> = {
  heartbeat: 'panel.heartbeat',
  start: 'scene.start',
  intensity: 'intensity.requested',
  orgasm: 'orgasm.marked',
  'phase.next': 'phase.next',
  end: 'scene.end',
  safeword: 'safeword',
  checkin: 'checkin.answered',
  withdraw: 'consent.withdrawn',
};

/** A signed-in screen that remembers what each of its frames was, to match acks to events. */
export type Tracked = Signed & { role: 'dominant' | 'submissive'; sent: Map<number, string> };

function track(screen: Signed, role: Tracked['role']): Tracked {
  const sent = new Map<number, string>();
  const frame = screen.frame.bind(screen);
  return Object.assign(screen, {
    role,
    sent,
    frame(body: { type: string }) {
      const seq = frame(body);
      sent.set(seq, body.type);
      return seq;
    },
  });
}

/** The scene events of every frame this screen got an `ack` for, in order. */
export function ackedEvents(screen: Tracked): string[] {
  return screen.frames
    .filter(isType('ack'))
    .map((f) => EVENT_OF[screen.sent.get(f.seq) as ClientFrame['type']])
    .filter((t): t is SceneEvent['type'] => t !== undefined);
}

export type RunningScene = Readonly<{
  sceneId: string;
  console: Tracked;
  panel: Tracked;
  panelSecret: string;
  consoleSecret: string;
  /** Stops the panel's heartbeats (the panel goes silent; its socket stays as it is). */
  silence(): void;
  close(): Promise<void>;
}>;

/**
 * A scene for two from a signed agreement, set up (checklist, test stop), started, the orgasm
 * marked (so the post-orgasm phase runs at once), and every output of every toy asked for 0.3;
 * resolves once `running()` says the toys run.
 */
export async function postOrgasmScene(
  url: string,
  running: () => boolean,
  patch: Partial<Agreement> = {},
): Promise<RunningScene> {
  const scene = await pairedScene(url, { ...FAULT_AGREEMENT, ...patch });
  const con = track(scene.console, 'dominant');
  const panel = track(scene.panel, 'submissive');
  panel.frame({ type: 'heartbeat' });
  let beat: ReturnType<typeof setInterval> | undefined = setInterval(
    () => panel.frame({ type: 'heartbeat' }),
    HEARTBEAT_MS,
  );
  const silence = () => {
    clearInterval(beat);
    beat = undefined;
  };
  try {
    const welcome = con.frames.find(isType('welcome'));
    if (welcome === undefined) throw new Error('no welcome');
    for (const item of welcome.view.setup.checklist)
      expect(await acked(con, con.frame({ type: 'setup.check', item, done: true }))).toMatchObject({
        type: 'ack',
      });
    panel.frame({ type: 'stop.test' });
    await viewWhere(con, (v) => v.setup.missing.length === 0);
    expect(await acked(con, con.frame({ type: 'start' }))).toMatchObject({ type: 'ack' });
    expect(await acked(con, con.frame({ type: 'orgasm' }))).toMatchObject({ type: 'ack' });
    await viewWhere(con, (v) => v.phase === 'post-orgasm');
    for (const device of welcome.view.devices)
      for (const feature of device.features)
        expect(
          await acked(
            con,
            con.frame({ type: 'intensity', device: device.id, feature: feature.id, value: 0.3 }),
          ),
        ).toMatchObject({ type: 'ack' });
    await until(running, 8000, 'the toys to run');
  } catch (error) {
    silence();
    throw error;
  }
  return {
    sceneId: scene.created.sceneId,
    console: con,
    panel,
    panelSecret: scene.panelSecret,
    consoleSecret: scene.created.secret,
    silence,
    async close() {
      silence();
      await Promise.all([con.close(), panel.close()]);
    },
  };
}

export const allZero = (sim: ButtplugSimServer) => sim.outputs().every((o) => o.value === 0);
export const anyRunning = (sim: ButtplugSimServer) => sim.outputs().some((o) => o.value !== 0);

/**
 * Starts watching `sim` now; `timeToZero` then waits until every output is at 0 and says how
 * long after `since` that happened, timed by the device server's own output change (so a busy
 * event loop delays the check, not the measurement). Fails past `boundMs`.
 */
export function watchZero(sim: ButtplugSimServer) {
  let zeroAt: number | null = allZero(sim) ? performance.now() : null;
  const off = sim.onOutput(() => {
    const zero = allZero(sim);
    if (zero && zeroAt === null) zeroAt = performance.now();
    if (!zero) zeroAt = null;
  });
  return async function timeToZero(since: number, boundMs: number): Promise<number> {
    const end = performance.now() + boundMs + 500;
    while (!allZero(sim)) {
      if (performance.now() > end) {
        off();
        throw new Error(`not every toy at zero within ${boundMs} ms`);
      }
      await sleep(5);
    }
    off();
    const took = Math.max(0, (zeroAt ?? performance.now()) - since);
    expect(took, 'time to zero').toBeLessThan(boundMs);
    return Math.round(took);
  };
}

/**
 * A scene's log, read from the file on a read-only connection of its own, every event validated:
 * `events` and, for a scene that was live, the journal its events are first written to (decision
 * 0017; a row in both counts once).
 */
export function readLogReadOnly(dbPath: string, sceneId: string): SceneEvent[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT n, json FROM events WHERE scene_id = ?
         UNION
         SELECT n, json FROM event_journal WHERE scene_id = ?
         ORDER BY n`,
      )
      .all(sceneId, sceneId) as { n: number; json: string }[];
    return rows.map((row, i) => {
      expect(row.n, 'events are numbered without a gap').toBe(i + 1);
      const parsed = parseWith(sceneEventSchema, JSON.parse(row.json));
      if (!parsed.ok) throw new Error(`event ${row.n}: ${parsed.errors.join('; ')}`);
      return parsed.value;
    });
  } finally {
    db.close();
  }
}

/**
 * S7: every event a screen had acknowledged is in the log, in order. Each frame becomes one event
 * (a refused one none), so a screen's events in the log begin with exactly its acked ones; events
 * stored but not yet acknowledged (in flight when the fault struck) may follow.
 */
export function expectAckedStored(events: readonly SceneEvent[], screens: readonly Tracked[]) {
  for (const screen of screens) {
    const ackedTypes = ackedEvents(screen);
    const logged = events.filter((e) => 'by' in e && e.by === screen.role).map((e) => e.type);
    expect(ackedTypes.length, `${screen.role} had events acknowledged`).toBeGreaterThan(0);
    expect(logged.slice(0, ackedTypes.length), `${screen.role}'s acked events`).toEqual(ackedTypes);
  }
}

/** S7: the log replays to what the screens were shown — the same phase and the same stop. */
export function expectReplayShows(events: readonly SceneEvent[], view: SceneView | undefined) {
  if (view === undefined) throw new Error('the screen saw no view');
  const { state } = replay(events);
  expect(state.stop).toEqual(view.stop);
  expect(state.phase).toBe(view.phase);
  return state;
}

/** The first view a screen has, or gets, that matches (waiting up to `timeoutMs`). */
export async function viewShown(
  screen: Signed,
  match: (v: SceneView) => boolean,
  timeoutMs = 8000,
): Promise<SceneView> {
  const frame = await viewWhere(screen, match, timeoutMs);
  if (frame.type !== 'view' && frame.type !== 'welcome') throw new Error('not a view');
  return frame.view;
}

/** The first stop a screen was shown, waiting for one. */
export const stopShown = (screen: Signed, timeoutMs = 8000) =>
  viewShown(screen, (v) => v.stop !== null, timeoutMs);

export { latestView, sleep, until };
