import { fork } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { packagePath } from '../src/package-root';
import { cutProfile, type CpuProfile } from './cpu-profile';
import type { LoadPhaseConfig, LoadPhaseResult } from './load-phase';

/**
 * Issue 8's load benchmark: N concurrent simulated scenes on one process, each a real scene
 * runtime on one real SQLite store, with an in-process device port (no network, no device
 * server: Redline's own work). Each N runs in a process of its own (bench/load-phase.ts), so its
 * memory is its own. bench/README.md says what it measures and what it leaves out.
 */
export type LoadOptions = Readonly<{
  counts: readonly number[];
  seconds: number;
  warmUpSeconds: number;
  samples: number;
  /** Where the store goes (default: the system's temporary folder). */
  dir: string;
  /** A folder for a V8 CPU profile of each phase's measured time (no set-up, no warm-up), or null. */
  profileDir: string | null;
  progress(text: string): void;
}>;

export const LOAD_GOALS = {
  /** 1,000 scenes on one core with p99 stop ≤ 10 ms. */
  stopP99Ms: 10,
  stopScenes: 1000,
  /** ≤ 120 MB at 100 scenes. */
  memoryMB: 120,
  memoryScenes: 100,
} as const;

/**
 * Node's flags for the server, as package.json's `start` runs it (decision 0018): 4 MB
 * semi-spaces (not 16) and an old generation capped at 384 MB, so V8 collects before it grows;
 * two V8 helper threads, not four (each keeps memory of its own: about 5 MB less resident
 * after minutes, no CPU difference measured at 1,000 scenes): 100 scenes stay under 120 MB.
 */
export const SERVER_NODE_FLAGS = [
  '--max-semi-space-size=4',
  '--max-old-space-size=384',
  '--v8-pool-size=2',
] as const;

const PHASE_ENTRY = fileURLToPath(new URL('./load-phase.ts', import.meta.url));
const PHASE_BUNDLE = packagePath('dist', 'bench', 'load-phase.js');

/**
 * The phase runs compiled, as `npm start` runs the server (decision 0018): one bundle made the
 * same way (esbuild, packages left to node_modules), run by plain node, no tsx in the process.
 */
export async function bundlePhase(): Promise<void> {
  await build({
    entryPoints: [PHASE_ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: PHASE_BUNDLE,
    logLevel: 'warning',
  });
}

export async function loadBench(options: LoadOptions): Promise<LoadPhaseResult[]> {
  await bundlePhase();
  const results: LoadPhaseResult[] = [];
  for (const scenes of options.counts) {
    const config: LoadPhaseConfig = {
      scenes,
      seconds: options.seconds,
      warmUpSeconds: options.warmUpSeconds,
      samples: options.samples,
      dir: options.dir,
    };
    results.push(await runPhase(config, options.progress, options.profileDir));
  }
  return results;
}

/**
 * One phase in a child process of its own. With `profileDir`, node profiles the whole child
 * (`--cpu-prof`, written as it exits) and the profile is then cut to the measured time. (The
 * inspector's profiler, asked from inside the phase, at times never handed its profile over at
 * N = 1,000.)
 */
export async function runPhase(
  config: LoadPhaseConfig,
  progress: (text: string) => void,
  profileDir: string | null,
): Promise<LoadPhaseResult> {
  const whole = `load-${config.scenes}.whole.cpuprofile`;
  const profiling =
    profileDir === null
      ? []
      : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${whole}`];
  const result = await phaseIn(config, progress, profiling);
  if (profileDir !== null) {
    const path = join(profileDir, whole);
    const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
    writeFileSync(
      join(profileDir, `load-${config.scenes}.cpuprofile`),
      JSON.stringify(cutProfile(profile, result.window)),
    );
    rmSync(path);
  }
  return result;
}

function phaseIn(
  config: LoadPhaseConfig,
  progress: (text: string) => void,
  profiling: readonly string[],
): Promise<LoadPhaseResult> {
  const child = fork(PHASE_BUNDLE, ['--phase', JSON.stringify(config)], {
    execArgv: [...SERVER_NODE_FLAGS, ...profiling],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    for (const line of text.split('\n')) if (line.trim() !== '') progress(line);
  });
  return new Promise((resolve, reject) => {
    let result: LoadPhaseResult | null = null;
    let failure: string | null = null;
    child.on(
      'message',
      (message: { ok: true; result: LoadPhaseResult } | { ok: false; error: string }) => {
        if (message.ok) result = message.result;
        else failure = message.error;
      },
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result !== null) resolve(result);
      else
        reject(
          new Error(
            `load: the N=${config.scenes} phase failed (exit ${code ?? signal}): ${failure ?? 'no result'}`,
          ),
        );
    });
  });
}

export type LoadGoals = Readonly<{
  stop: { met: boolean; text: string };
  memory: { met: boolean; text: string };
}>;

/** The issue's goals, judged on what was measured (a goal whose N was not run is "not run"). */
export function judgeGoals(results: readonly LoadPhaseResult[]): LoadGoals {
  const g = LOAD_GOALS;
  const big = results.find((r) => r.scenes === g.stopScenes);
  const mid = results.find((r) => r.scenes === g.memoryScenes);
  let stop: LoadGoals['stop'];
  if (big === undefined) stop = { met: false, text: `not run (needs N=${g.stopScenes})` };
  else {
    const oneCore = big.cpu.percent <= 100 && big.behindMs < 100;
    const call = big.stop.p99 <= g.stopP99Ms;
    const due = big.stopFromDue.p99 <= g.stopP99Ms;
    const met = oneCore && call && due;
    stop = {
      met,
      text:
        `${met ? 'met' : 'missed'}: CPU ${big.cpu.percent} % of a core, ` +
        `driver ${big.behindMs} ms behind its schedule (${oneCore ? 'kept up' : 'did not keep up'}); ` +
        `p99 call → stopAll ${big.stop.p99.toFixed(2)} ms (${call ? 'met' : 'missed'}), ` +
        `p99 due → stopAll ${big.stopFromDue.p99.toFixed(2)} ms (${due ? 'met' : 'missed'})`,
    };
  }
  let memory: LoadGoals['memory'];
  if (mid === undefined) memory = { met: false, text: `not run (needs N=${g.memoryScenes})` };
  else {
    const met = mid.memory.peak.rssMB <= g.memoryMB;
    memory = {
      met,
      text: `${met ? 'met' : 'missed'}: peak RSS ${mid.memory.peak.rssMB} MB at N=${g.memoryScenes} (heap ${mid.memory.peak.heapMB} MB; the process before any scene ${mid.memory.baseline.rssMB} MB)`,
    };
  }
  return { stop, memory };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const ms = (value: number) => value.toFixed(2);
const perScene = (mb: number, scenes: number) => `${Math.round((mb * 1024) / scenes)} KB`;

export function printLoad(results: readonly LoadPhaseResult[], options: LoadOptions): void {
  console.log(
    `load: N scenes on one process, each a scene runtime on one SQLite store (synchronous = FULL, group commit) in ${options.dir}, in-process device port; ${options.seconds} s measured after ${options.warmUpSeconds} s warm-up; up to ${options.samples} reds (at most one per scene every 2 s)`,
  );
  console.log(
    '      N   events/s  offered   appends/s   stop p50    p99      max   due→stop p99   CPU %   RSS MB  heap MB',
  );
  for (const r of results)
    console.log(
      `  ${pad(r.scenes, 5)}  ${pad(r.eventsPerSecond, 9)}  ${pad(r.offeredPerSecond, 7)}  ${pad(r.perSecond.appends, 10)}  ${pad(ms(r.stop.p50), 8)} ${pad(ms(r.stop.p99), 7)} ${pad(ms(r.stop.max), 8)}  ${pad(ms(r.stopFromDue.p99), 13)}  ${pad(r.cpu.percent, 6)}  ${pad(r.memory.peak.rssMB, 7)}  ${pad(r.memory.peak.heapMB, 7)}`,
    );
  for (const r of results)
    console.log(
      `  N=${r.scenes}: reds ${r.stop.n}; group commits ${r.commit.perSecond}/s of ${r.commit.rowsPerCommit} rows, each p50 ${ms(r.commit.p50)} / p99 ${ms(r.commit.p99)} / max ${ms(r.commit.max)} ms, ${r.commit.busyPercent} % of the time inside commits, ${r.busyPercent.readings} % storing readings, ${r.busyPercent.serialise} % serialising frames for screens; loop delay p50 ${ms(r.loopDelay.p50)} / p99 ${ms(r.loopDelay.p99)} / max ${ms(r.loopDelay.max)} ms; GC pauses minor ${r.gc.minor.n} (p99 ${ms(r.gc.minor.p99)} / max ${ms(r.gc.minor.max)} ms), major ${r.gc.major.n} (max ${ms(r.gc.major.max)} ms); reds over 10 ms ${r.slowReds.n} (a GC pause in the way ${r.slowReds.gc}, a commit ${r.slowReds.commit}, neither ${r.slowReds.neither}); driver ${r.behindMs} ms behind at the end; WAL file ${r.walMB} MB; ` +
        `CPU user ${r.cpu.userPercent} % + system ${r.cpu.systemPercent} %; readings stored ${r.perSecond.readings}/s; ` +
        `frames to screens ${r.perSecond.serverFrames}/s (${r.perSecond.serverKB} KB/s serialised); ` +
        `RSS after warm-up ${r.memory.afterWarmUp.rssMB} MB, before any scene ${r.memory.baseline.rssMB} MB (per scene ${perScene(r.memory.peak.rssMB - r.memory.baseline.rssMB, r.scenes)} RSS, ${perScene(r.memory.peak.heapMB - r.memory.baseline.heapMB, r.scenes)} heap); set-up ${r.setupSeconds} s (replacements: ${r.perSecond.setupFrames} set-up frames/s); ` +
        `unexpected stops ${r.unexpectedStops}; reds without a stop ${r.redsWithoutStop}; check-ins answered ${r.checkInsAnswered}; refused frames ${Object.values(r.refused).reduce((a, b) => a + b, 0)}`,
    );
  const goals = judgeGoals(results);
  console.log(
    `  goal ${LOAD_GOALS.stopScenes} scenes on one core, p99 stop ≤ ${LOAD_GOALS.stopP99Ms} ms: ${goals.stop.text}`,
  );
  console.log(
    `  goal ≤ ${LOAD_GOALS.memoryMB} MB at ${LOAD_GOALS.memoryScenes} scenes: ${goals.memory.text}`,
  );
  console.log(
    `BENCH ${JSON.stringify({
      bench: 'load',
      seconds: options.seconds,
      warmUpSeconds: options.warmUpSeconds,
      samples: options.samples,
      goals: {
        stop: { ...LOAD_GOALS, met: goals.stop.met },
        memory: { met: goals.memory.met },
      },
      phases: results,
    })}`,
  );
}

/** `--n 10,100,1000 --seconds 10 --warm-up 2 --samples 200 --dir TMPDIR --cpu-prof DIR` (defaults shown). */
export function loadOptions(
  flags: ReadonlyMap<string, string>,
  progress: (text: string) => void,
): LoadOptions {
  const known = ['n', 'seconds', 'warm-up', 'samples', 'dir', 'cpu-prof'];
  const unknown = [...flags.keys()].filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new Error(
      `bench load: unknown option ${unknown.map((u) => `--${u}`).join(', ')}; known: ${known.map((k) => `--${k}`).join(' ')}`,
    );
  const number = (name: string, fallback: number) => {
    const text = flags.get(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`bench load: --${name} wants a positive number, got "${text}"`);
    return value;
  };
  const counts = (flags.get('n') ?? '10,100,1000').split(',').map((part) => {
    const value = Number(part);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`bench load: --n wants whole numbers, got "${part}"`);
    return value;
  });
  const seconds = number('seconds', 10);
  return {
    counts,
    seconds,
    warmUpSeconds: number('warm-up', Math.min(2, seconds / 2)),
    samples: Math.round(number('samples', 200)),
    dir: flags.get('dir') ?? tmpdir(),
    profileDir: flags.get('cpu-prof') ?? null,
    progress,
  };
}
