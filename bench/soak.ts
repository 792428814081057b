import { tmpdir } from 'node:os';
import { bundlePhase, runPhase } from './load';
import type { LoadPhaseResult, TrendPoint } from './load-phase';

/**
 * `npm run bench -- soak`: the load benchmark's scenes (bench/load-phase.ts), fewer of them, for
 * much longer, in stretches: does anything creep up while scenes run, stop and are replaced? A
 * red lands about every 2 s and a fresh scene takes its place, so scenes come and go the whole
 * time. Each stretch reports the heap floor (what survives the collections), RSS, throughput,
 * the store's size and the stops. Run only when named: it takes minutes.
 */
export type SoakOptions = Readonly<{
  scenes: number;
  minutes: number;
  /** How many stretches the run is cut into. */
  stretches: number;
  dir: string;
  progress(text: string): void;
}>;

/** The heap floor may rise by at most this much a minute over the second half to count as flat. */
export const SOAK_FLAT_MB_PER_MINUTE = 0.25;

export type SoakResult = Readonly<{
  phase: LoadPhaseResult;
  /** Least-squares slope of the heap floor over the second half of the stretches, MB a minute. */
  heapSlopeMBPerMinute: number;
  rssSlopeMBPerMinute: number;
  flat: boolean;
}>;

export async function soakBench(options: SoakOptions): Promise<SoakResult> {
  await bundlePhase();
  const seconds = options.minutes * 60;
  const phase = await runPhase(
    {
      scenes: options.scenes,
      seconds,
      warmUpSeconds: Math.min(10, seconds / 10),
      // About one red every 2 s (and so one new scene), over the whole run.
      samples: Math.max(1, Math.floor(seconds / 2)),
      dir: options.dir,
      trendEveryMs: (seconds * 1000) / options.stretches,
    },
    options.progress,
    null,
  );
  const half = phase.trend.slice(Math.floor(phase.trend.length / 2));
  const heapSlopeMBPerMinute = slopePerMinute(half, (p) => p.heapFloorMB);
  const rssSlopeMBPerMinute = slopePerMinute(half, (p) => p.rssMB);
  return {
    phase,
    heapSlopeMBPerMinute,
    rssSlopeMBPerMinute,
    flat: heapSlopeMBPerMinute <= SOAK_FLAT_MB_PER_MINUTE,
  };
}

/** The least-squares slope of `value` against time, per minute; 0 with fewer than 2 points. */
export function slopePerMinute(
  points: readonly TrendPoint[],
  value: (p: TrendPoint) => number,
): number {
  if (points.length < 2) return 0;
  const xs = points.map((p) => p.atSeconds / 60);
  const ys = points.map(value);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] ?? 0) - mx;
    num += dx * ((ys[i] ?? 0) - my);
    den += dx * dx;
  }
  return den === 0 ? 0 : num / den;
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

export function printSoak(result: SoakResult, options: SoakOptions): void {
  const { phase } = result;
  console.log(
    `soak: ${options.scenes} scenes for ${options.minutes} min on one process (sensors 50 Hz, outputs 20 Hz), a red about every 2 s and a fresh scene in its place; store in ${options.dir}`,
  );
  console.log(
    '    at min   events/s  heap floor MB   RSS MB   store MB   reds  due→stop p99   scenes made',
  );
  for (const p of phase.trend)
    console.log(
      `  ${pad((p.atSeconds / 60).toFixed(1), 8)}  ${pad(p.eventsPerSecond, 9)}  ${pad(p.heapFloorMB.toFixed(1), 13)}  ${pad(p.rssMB.toFixed(1), 7)}  ${pad(p.storeMB.toFixed(1), 9)}  ${pad(p.reds, 5)}  ${pad(p.stopFromDueP99 === null ? '–' : `${p.stopFromDueP99.toFixed(2)} ms`, 12)}  ${pad(p.scenesMade, 12)}`,
    );
  console.log(
    `  heap floor ${result.heapSlopeMBPerMinute >= 0 ? '+' : ''}${result.heapSlopeMBPerMinute.toFixed(3)} MB/min and RSS ${result.rssSlopeMBPerMinute >= 0 ? '+' : ''}${result.rssSlopeMBPerMinute.toFixed(3)} MB/min over the second half: ${result.flat ? 'flat' : 'growing'} (flat: heap floor ≤ +${SOAK_FLAT_MB_PER_MINUTE} MB/min)`,
  );
  console.log(
    `  whole run: ${phase.eventsPerSecond} events/s, CPU ${phase.cpu.percent} %, reds ${phase.stopFromDue.n} (due→stop p50 ${phase.stopFromDue.p50.toFixed(2)} / p99 ${phase.stopFromDue.p99.toFixed(2)} / max ${phase.stopFromDue.max.toFixed(2)} ms), reds without a stop ${phase.redsWithoutStop}, unexpected stops ${phase.unexpectedStops}, peak RSS ${phase.memory.peak.rssMB} MB`,
  );
  console.log(
    `BENCH ${JSON.stringify({
      bench: 'soak',
      scenes: options.scenes,
      minutes: options.minutes,
      heapSlopeMBPerMinute: result.heapSlopeMBPerMinute,
      rssSlopeMBPerMinute: result.rssSlopeMBPerMinute,
      flat: result.flat,
      flatAtMostMBPerMinute: SOAK_FLAT_MB_PER_MINUTE,
      trend: phase.trend,
      stopFromDue: phase.stopFromDue,
      cpu: phase.cpu,
      memory: phase.memory,
      redsWithoutStop: phase.redsWithoutStop,
      unexpectedStops: phase.unexpectedStops,
    })}`,
  );
}

/** `--n 100 --minutes 10 --stretches 10 --dir TMPDIR` (defaults shown). */
export function soakOptions(
  flags: ReadonlyMap<string, string>,
  progress: (text: string) => void,
): SoakOptions {
  const known = ['n', 'minutes', 'stretches', 'dir'];
  const unknown = [...flags.keys()].filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new Error(
      `bench soak: unknown option ${unknown.map((u) => `--${u}`).join(', ')}; known: ${known.map((k) => `--${k}`).join(' ')}`,
    );
  const number = (name: string, fallback: number, whole: boolean) => {
    const text = flags.get(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value)))
      throw new Error(
        `bench soak: --${name} wants a positive ${whole ? 'whole ' : ''}number, got "${text}"`,
      );
    return value;
  };
  return {
    scenes: number('n', 100, true),
    minutes: number('minutes', 10, false),
    stretches: number('stretches', 10, true),
    dir: flags.get('dir') ?? tmpdir(),
    progress,
  };
}
