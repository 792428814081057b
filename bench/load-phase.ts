import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createButtplugAdapter } from '../src/devices/buttplug/buttplug-adapter';
import { packagePath } from '../src/package-root';
import type { DeviceHub } from '../src/server/device-hub';
import { buildApp } from '../src/server/http/app';
import { createNegotiationService } from '../src/server/negotiation/negotiation-service';
import { createReadingBatcher } from '../src/server/scenes/reading-batcher';
import { createSceneRegistry } from '../src/server/scenes/scene-registry';
import { openStore } from '../src/server/store/store';
import { devices } from '../test/fixtures/agreements';
import { createLoadScene, newCounters, type LoadCounters, type LoadScene } from './load-scene';
import { summarize, type Summary } from './stats';

/**
 * One phase of `npm run bench -- load`, in a process of its own (so each N's memory is its own):
 * N simulated scenes on one store, driven at their sensor and output rates for a fixed time while
 * reds hit random scenes. bench/load.ts forks it and reads the result over IPC.
 */
export type LoadPhaseConfig = Readonly<{
  scenes: number;
  /** Measured time, after the warm-up. */
  seconds: number;
  warmUpSeconds: number;
  /** Reds spread over the measured time. */
  samples: number;
  /** Where the store's temporary folder goes (the disk decides what an fsync costs). */
  dir: string;
  /** For the soak: a trend point this often through the measured time (ms); none without it. */
  trendEveryMs?: number | undefined;
}>;

/** One stretch of a long run (`npm run bench -- soak`): is anything creeping up? */
export type TrendPoint = Readonly<{
  /** The end of the stretch, in seconds of the measured time. */
  atSeconds: number;
  eventsPerSecond: number;
  /**
   * The lowest heap in use seen in the stretch (sampled every 250 ms): what survives the
   * collections, so it rises only if something is kept that should not be.
   */
  heapFloorMB: number;
  rssMB: number;
  /** The store's file and its WAL: events are kept, so this grows by design. */
  storeMB: number;
  reds: number;
  /** p99 from the red being due to stopAll() in the stretch (ms); null with no red in it. */
  stopFromDueP99: number | null;
  /** Scenes made since the start, set-up included (each red's scene is replaced). */
  scenesMade: number;
}>;

/** The measured time on the clock V8's CPU profiles use (the monotonic clock, in µs). */
export type MeasuredWindow = Readonly<{ fromUs: number; toUs: number }>;
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

export type LoadPhaseResult = Readonly<{
  scenes: number;
  seconds: number;
  /** Frames and pressure readings handed to the runtimes, per second of the measured time. */
  eventsPerSecond: number;
  /** What the schedules asked for (50 Hz + 20 Hz + 1 Hz per scene, and the check-ins). */
  offeredPerSecond: number;
  perSecond: Readonly<{
    frames: number;
    pressure: number;
    appends: number;
    readings: number;
    setupFrames: number;
    setOutputs: number;
    serverFrames: number;
    serverKB: number;
  }>;
  /** Each group commit (one transaction, one sync, every scene's staged rows) in ms. */
  commit: Summary & { perSecond: number; rowsPerCommit: number; busyPercent: number };
  /** Share of the measured time spent storing readings and serialising frames for screens. */
  busyPercent: Readonly<{ readings: number; serialise: number }>;
  /** From calling `handle(safeword red)` to the port's `stopAll()`. */
  stop: Summary;
  /** From the moment the red was due (its timer's time) to `stopAll()`: adds the wait for the loop. */
  stopFromDue: Summary;
  loopDelay: Readonly<{ p50: number; p99: number; max: number }>;
  /** V8's pauses of the event loop in the measured time (ms), minor (scavenges) and major. */
  gc: Readonly<{ minor: Summary; major: Summary }>;
  /**
   * Reds whose stop came more than 10 ms after they fell due, and what stood in their way: a GC
   * pause or a group commit (≥ 2 ms) between the moment they fell due and their stop, or neither.
   */
  slowReds: Readonly<{ n: number; gc: number; commit: number; neither: number }>;
  /** How far the 5 ms driver was behind its schedule at the end of the measured time (ms). */
  behindMs: number;
  /** The store's WAL file at the end of the measured time (MB): it must not grow with the load. */
  walMB: number;
  cpu: Readonly<{ percent: number; userPercent: number; systemPercent: number }>;
  memory: Readonly<{
    baseline: { rssMB: number; heapMB: number };
    afterWarmUp: { rssMB: number; heapMB: number };
    peak: { rssMB: number; heapMB: number };
  }>;
  setupSeconds: number;
  unexpectedStops: number;
  /** Reds sent to a running scene that did not call `stopAll()` during `handle` (must be 0). */
  redsWithoutStop: number;
  checkInsAnswered: number;
  refused: Readonly<Record<string, number>>;
  /** When the measured time began and ended, to cut a whole-process CPU profile down to it. */
  window: MeasuredWindow;
  /** With `trendEveryMs`: one point per stretch, in order. */
  trend: readonly TrendPoint[];
}>;

const ROUND_MS = 5;
const PRESSURE_EVERY = 20 / ROUND_MS; // 50 Hz
const OUTPUT_EVERY = 50 / ROUND_MS; // 20 Hz
const HEARTBEAT_EVERY = 1000 / ROUND_MS; // 1 Hz
/** A driver callback catches up at most this many rounds before it yields (reds get in). */
const MAX_ROUNDS_PER_CALLBACK = 4;
const REPLACE_AFTER_MS = 200;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const memory = () => {
  const m = process.memoryUsage();
  return { rssMB: mb(m.rss), heapMB: mb(m.heapUsed) };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Slot = { index: number; scene: LoadScene | null; generation: number };

export async function runLoadPhase(
  config: LoadPhaseConfig,
  progress: (text: string) => void,
): Promise<LoadPhaseResult> {
  const { scenes: n, seconds, warmUpSeconds, samples } = config;
  const dir = mkdtempSync(join(config.dir, 'redline-load-'));
  const counters: LoadCounters = newCounters();
  const store = openStore({
    path: join(dir, 'redline.sqlite'),
    commitIntervalMs: Number(process.env['REDLINE_COMMIT_MS'] ?? 0),
    observeCommit: (rows, ms) => {
      counters.commits += 1;
      counters.commitRows += rows;
      counters.commitMs += ms;
      if (counters.commitTimes !== null) {
        counters.commitTimes.push(ms);
        // Only the ones that can stand in a red's way: an array per commit was the soak's own
        // heap creep (about 0.7 MB a minute at 1,000 scenes).
        if (ms >= IN_THE_WAY_MS) {
          const end = performance.now();
          counters.commitSpans.push([end - ms, end]);
        }
      }
    },
  });
  // As the registry: readings in runs per scene, in the next group commit (decision 0017).
  const readings = createReadingBatcher({
    write: (rows) => {
      const from = performance.now();
      store.history.stageReadings(rows, (error) => {
        console.error(`readings: ${error.message}`);
      });
      counters.readingMs += performance.now() - from;
    },
    report: (message) => {
      console.error(message);
    },
  });
  // The server around the scenes, as `redline serve` holds it (built, not listening): its HTTP
  // and WebSocket app, negotiations, a scene registry and a Buttplug adapter (not connected). The
  // scenes below do not go through it; it is here so the memory measured is a server's.
  const report = (message: string) => {
    console.error(message);
  };
  const adapter = createButtplugAdapter();
  const hub: DeviceHub = {
    adapter,
    connected: () => true,
    devices: () => devices,
    onReport: () => () => undefined,
    close: () => adapter.close(),
  };
  const registry = createSceneRegistry({ store, hub, report });
  const negotiations = createNegotiationService({ store: store.negotiations, report });
  const app = await buildApp({
    registry,
    hub,
    negotiations,
    store,
    webRoot: packagePath('dist', 'web'),
    panelBaseUrl: () => 'http://127.0.0.1/',
  });
  await app.ready();
  const slots: Slot[] = [];
  const pending = new Set<Promise<void>>();
  let driverTimer: ReturnType<typeof setTimeout> | undefined;
  const redTimers: ReturnType<typeof setTimeout>[] = [];
  try {
    const baseline = memory();
    const setupStart = performance.now();
    const windowMs = seconds * 1000;
    let made = 0;
    const newScene = async (slot: Slot, checkInDueInMs: number | null) => {
      slot.generation += 1;
      made += 1;
      slot.scene = await createLoadScene({
        store,
        readings,
        sceneId: `load-${slot.index}-${slot.generation}`,
        counters,
        checkInDueInMs,
      });
    };
    for (let i = 0; i < n; i++) {
      const slot: Slot = { index: i, scene: null, generation: 0 };
      slots.push(slot);
      // Check-ins fall due through the warm-up and the measured time, each scene at its own time.
      await newScene(slot, Math.random() * (warmUpSeconds * 1000 + windowMs));
      if ((i + 1) % 100 === 0) progress(`load: N=${n}: ${i + 1} scenes set up`);
    }
    const setupSeconds = (performance.now() - setupStart) / 1000;

    // The driver: every 5 ms a round; scene i reads its sensor in rounds i mod 4, moves an
    // output in rounds i mod 10 and sends a heartbeat in rounds i mod 200 (spread, not bunched).
    const start = performance.now();
    let round = 0;
    const bucket = (every: number) =>
      Array.from({ length: every }, (_, k) => slots.filter((slot) => slot.index % every === k));
    const byPressure = bucket(PRESSURE_EVERY);
    const byOutput = bucket(OUTPUT_EVERY);
    const byHeartbeat = bucket(HEARTBEAT_EVERY);
    const drive = () => {
      const due = Math.floor((performance.now() - start) / ROUND_MS);
      const until = Math.min(due, round + MAX_ROUNDS_PER_CALLBACK - 1);
      for (; round <= until; round++) {
        for (const slot of byPressure[round % PRESSURE_EVERY] ?? []) slot.scene?.sample();
        for (const slot of byOutput[round % OUTPUT_EVERY] ?? []) slot.scene?.output();
        for (const slot of byHeartbeat[round % HEARTBEAT_EVERY] ?? [])
          slot.scene?.send('submissive', { type: 'heartbeat' });
      }
      const wait = start + round * ROUND_MS - performance.now();
      driverTimer = setTimeout(drive, Math.max(0, wait));
    };
    drive();
    progress(`load: N=${n}: warming up ${warmUpSeconds} s`);
    await sleep(warmUpSeconds * 1000);

    // The measured time.
    const afterWarmUp = memory();
    const peak = { ...afterWarmUp };
    const counted = { ...counters, refused: new Map(counters.refused) };
    const windowFromUs = monotonicUs();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const commitTimes: number[] = [];
    counters.commitTimes = commitTimes;
    counters.commitSpans = [];
    /** V8's pauses (ms), and [start, end] of those that can stand in a red's way. */
    const gcPauses = { minor: [] as number[], major: [] as number[] };
    const gcSpans: [number, number][] = [];
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const { detail } = entry as { detail?: { kind?: number } | null };
        const major = detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
        (major ? gcPauses.major : gcPauses.minor).push(entry.duration);
        if (entry.duration >= IN_THE_WAY_MS)
          gcSpans.push([entry.startTime, entry.startTime + entry.duration]);
      }
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    /** Each red's [due, stopped], for what stood in the way of the slow ones. */
    const redSpans: [number, number][] = [];
    const cpuFrom = process.cpuUsage();
    const from = performance.now();
    const stops: number[] = [];
    const stopsFromDue: number[] = [];
    let redsWithoutStop = 0;
    let unexpectedStopsFrom = counters.unexpectedStops;
    // At most one red per scene every 2 s: replacing stopped scenes must not become the load.
    const targets = redTargets(n, Math.min(samples, Math.max(1, Math.floor((n * seconds) / 2))));
    const span = windowMs - 300;
    const dueTimes = targets.map(() => from + 100 + Math.random() * span).sort((a, b) => a - b);
    targets.forEach((target, k) => {
      const dueAt = dueTimes[k] ?? from;
      redTimers.push(
        setTimeout(
          function fire() {
            // Node's timers may fire up to a millisecond early on this clock: the red waits for
            // its time without blocking the loop (a spin here was a tenth of the CPU at N=1000).
            if (performance.now() < dueAt) {
              setImmediate(fire);
              return;
            }
            const slot = liveSlot(slots, target);
            if (slot?.scene == null) return;
            const scene = slot.scene;
            const { calledAt, stoppedAt } = scene.red();
            if (stoppedAt === null) redsWithoutStop += 1;
            else {
              stops.push(stoppedAt - calledAt);
              stopsFromDue.push(stoppedAt - dueAt);
              redSpans.push([dueAt, stoppedAt]);
            }
            // Red is final (S6): after a moment a fresh scene (in its warm-up) takes the slot.
            slot.scene = null;
            const replacement = sleep(REPLACE_AFTER_MS).then(async () => {
              scene.dispose();
              await newScene(slot, null);
            });
            pending.add(replacement);
            void replacement.finally(() => pending.delete(replacement));
          },
          Math.max(0, dueAt - performance.now()),
        ),
      );
    });
    // The soak's trend: each stretch's heap floor, RSS, throughput, store size and stops.
    const trend: TrendPoint[] = [];
    const stretch = { heapFloorMB: Infinity, rssMB: 0, from, events: 0, stops: 0 };
    const eventsSoFar = () => counters.frames + counters.pressure;
    stretch.events = eventsSoFar();
    const walMB = () => {
      try {
        return mb(statSync(join(dir, 'redline.sqlite-wal')).size);
      } catch {
        return 0;
      }
    };
    const storeMB = () =>
      mb(
        ['redline.sqlite', 'redline.sqlite-wal'].reduce((sum, name) => {
          try {
            return sum + statSync(join(dir, name)).size;
          } catch {
            return sum;
          }
        }, 0),
      );
    const sampler = setInterval(() => {
      const m = memory();
      peak.rssMB = Math.max(peak.rssMB, m.rssMB);
      peak.heapMB = Math.max(peak.heapMB, m.heapMB);
      stretch.heapFloorMB = Math.min(stretch.heapFloorMB, m.heapMB);
      stretch.rssMB = Math.max(stretch.rssMB, m.rssMB);
    }, 250);
    const closeStretch = () => {
      const now = performance.now();
      const stretchStops = stopsFromDue.slice(stretch.stops);
      trend.push({
        atSeconds: Math.round((now - from) / 100) / 10,
        eventsPerSecond: Math.round(
          (eventsSoFar() - stretch.events) / ((now - stretch.from) / 1000),
        ),
        heapFloorMB: stretch.heapFloorMB === Infinity ? memory().heapMB : stretch.heapFloorMB,
        rssMB: stretch.rssMB,
        storeMB: storeMB(),
        reds: stretchStops.length,
        stopFromDueP99: stretchStops.length === 0 ? null : summarize(stretchStops).p99,
        scenesMade: made,
      });
      Object.assign(stretch, {
        heapFloorMB: Infinity,
        rssMB: 0,
        from: now,
        events: eventsSoFar(),
        stops: stopsFromDue.length,
      });
    };
    const { trendEveryMs } = config;
    const trendTimer =
      trendEveryMs === undefined ? undefined : setInterval(closeStretch, trendEveryMs);
    await sleep(windowMs);
    const elapsed = (performance.now() - from) / 1000;
    const cpu = process.cpuUsage(cpuFrom);
    const windowToUs = monotonicUs();
    delay.disable();
    gcObserver.disconnect();
    counters.commitTimes = null;
    clearInterval(sampler);
    clearInterval(trendTimer);
    // The last stretch, unless the timer closed it a moment ago.
    if (trendEveryMs !== undefined && performance.now() - stretch.from > trendEveryMs / 2)
      closeStretch();
    const behindMs = Math.max(0, performance.now() - (start + round * ROUND_MS));
    clearTimeout(driverTimer);
    const end = memory();
    peak.rssMB = Math.max(peak.rssMB, end.rssMB);
    peak.heapMB = Math.max(peak.heapMB, end.heapMB);
    unexpectedStopsFrom = counters.unexpectedStops - unexpectedStopsFrom;

    const rate = (key: Exclude<keyof LoadCounters, 'refused' | 'commitTimes' | 'commitSpans'>) =>
      Math.round((counters[key] - counted[key]) / elapsed);
    const frames = rate('frames');
    const busy = (key: 'commitMs' | 'readingMs' | 'serialiseMs') =>
      Math.round(((counters[key] - counted[key]) / (elapsed * 1000)) * 1000) / 10;
    const pressure = rate('pressure');
    const refused: Record<string, number> = {};
    for (const [reason, count] of counters.refused) {
      const more = count - (counted.refused.get(reason) ?? 0);
      if (more > 0) refused[reason] = more;
    }
    const cpuPercent = (us: number) => Math.round((us / 1000 / (elapsed * 1000)) * 1000) / 10;
    const result: LoadPhaseResult = {
      scenes: n,
      seconds: Math.round(elapsed * 100) / 100,
      eventsPerSecond: frames + pressure,
      offeredPerSecond: Math.round(n * (50 + 20 + 1)),
      perSecond: {
        frames,
        pressure,
        appends: rate('appends'),
        setupFrames: rate('setupFrames'),
        readings: rate('readings'),
        setOutputs: rate('setOutputs'),
        serverFrames: rate('serverFrames'),
        serverKB: Math.round(rate('serverBytes') / 1024),
      },
      commit: {
        ...summarize(commitTimes),
        perSecond: rate('commits'),
        rowsPerCommit:
          Math.round(
            ((counters.commitRows - counted.commitRows) /
              Math.max(1, counters.commits - counted.commits)) *
              10,
          ) / 10,
        busyPercent: busy('commitMs'),
      },
      busyPercent: { readings: busy('readingMs'), serialise: busy('serialiseMs') },
      stop: summarize(stops),
      stopFromDue: summarize(stopsFromDue),
      loopDelay: {
        p50: delay.percentile(50) / 1e6,
        p99: delay.percentile(99) / 1e6,
        max: delay.max / 1e6,
      },
      gc: {
        minor: pauses(gcPauses.minor),
        major: pauses(gcPauses.major),
      },
      slowReds: slowRedCauses(redSpans, gcSpans, counters.commitSpans),
      behindMs: Math.round(behindMs),
      walMB: walMB(),
      cpu: {
        percent: cpuPercent(cpu.user + cpu.system),
        userPercent: cpuPercent(cpu.user),
        systemPercent: cpuPercent(cpu.system),
      },
      memory: { baseline, afterWarmUp, peak },
      setupSeconds: Math.round(setupSeconds * 100) / 100,
      unexpectedStops: unexpectedStopsFrom,
      redsWithoutStop,
      checkInsAnswered: counters.checkInsAnswered - counted.checkInsAnswered,
      refused,
      window: { fromUs: windowFromUs, toUs: windowToUs },
      trend,
    };
    progress(`load: N=${n}: done (${made} scenes made in all)`);
    return result;
  } finally {
    clearTimeout(driverTimer);
    for (const t of redTimers) clearTimeout(t);
    await Promise.allSettled([...pending]);
    for (const slot of slots) slot.scene?.dispose();
    readings.close();
    await app.close();
    registry.dispose();
    await hub.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Which scene each red goes to: every scene once (in random order) while there are enough
 * samples for that, then scenes at random.
 */
function redTargets(n: number, samples: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [all[i], all[j]] = [all[j] ?? 0, all[i] ?? 0];
  }
  const targets = all.slice(0, Math.min(n, samples));
  while (targets.length < samples) targets.push(Math.floor(Math.random() * n));
  // Shuffle again so the every-scene-once part is not all at the start.
  for (let i = targets.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [targets[i], targets[j]] = [targets[j] ?? 0, targets[i] ?? 0];
  }
  return targets;
}

/** The target's slot if its scene is running, else the next running one. */
function liveSlot(slots: readonly Slot[], target: number): Slot | undefined {
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[(target + k) % slots.length];
    // A scene its own rules stopped already (a lost panel when the loop fell behind) is skipped.
    if (slot?.scene != null && slot.scene.runtime.state().stop === null) return slot;
  }
  return undefined;
}

// As a child of bench/load.ts: one phase, the result over IPC, then exit by itself (so a
// `--cpu-prof` profile is written).
if (process.send !== undefined && process.argv[2] === '--phase') {
  const config = JSON.parse(process.argv[3] ?? '{}') as LoadPhaseConfig;
  const send = process.send.bind(process);
  runLoadPhase(config, (text) => {
    console.error(text);
  }).then(
    (result) => {
      send({ ok: true, result }, () => {
        process.disconnect();
      });
    },
    (error: unknown) => {
      send({ ok: false, error: (error as Error).stack ?? String(error) }, () => {
        process.disconnect();
      });
    },
  );
}

/** The pauses' durations (ms); a short run may have no full collection at all. */
function pauses(durations: readonly number[]): Summary {
  return durations.length === 0 ? { n: 0, p50: 0, p99: 0, max: 0, mean: 0 } : summarize(durations);
}

/** A red slower than this (due → stopAll, ms) is looked into. */
const SLOW_RED_MS = 10;
/** A pause or commit at least this long (ms) counts as standing in a red's way. */
const IN_THE_WAY_MS = 2;

/** For each red slower than SLOW_RED_MS: did a GC pause or a commit overlap its wait? */
function slowRedCauses(
  reds: readonly [number, number][],
  gc: readonly [number, number][],
  commits: readonly [number, number][],
): { n: number; gc: number; commit: number; neither: number } {
  // Both lists hold only spans of at least IN_THE_WAY_MS.
  const overlaps = (spans: readonly (readonly [number, number])[], from: number, to: number) =>
    spans.some(([a, b]) => a < to && b > from);
  const counts = { n: 0, gc: 0, commit: 0, neither: 0 };
  for (const [due, stopped] of reds) {
    if (stopped - due <= SLOW_RED_MS) continue;
    counts.n += 1;
    const byGc = overlaps(gc, due, stopped);
    const byCommit = overlaps(commits, due, stopped);
    if (byGc) counts.gc += 1;
    if (byCommit) counts.commit += 1;
    if (!byGc && !byCommit) counts.neither += 1;
  }
  return counts;
}
