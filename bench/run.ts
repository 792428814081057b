import { clickLatency } from './click';
import { printDetect, runDetect } from './detect';
import { loadBench, loadOptions, printLoad } from './load';
import { printSoak, soakBench, soakOptions } from './soak';
import { stepThroughput } from './step-throughput';
import { formatMs, type Summary } from './stats';
import { stopLatency } from './stop-latency';
import { stopOverWire, type StopWirePhaseResult } from './stop-wire';

/**
 * `npm run bench [-- NAME… [--OPTION VALUE…]]`: Redline's benchmarks (`load` and `soak` take options; `soak` runs only when named). Each prints a readable summary and one JSON
 * line (prefixed `BENCH `) for scripts. Figures depend on the machine; compare on one machine.
 * bench/README.md says what each one measures and how to read it.
 */
const STOP_GOAL_RATIO = 1.2;
/** RED touched on the panel → StopCmd at the device server, on one machine (loopback). */
const CLICK_GOAL_P99_MS = 25;
const CLICK_RUNS = 60;
const CLICK_WARM_UP = 3;

/** `--name value` or `--name=value` options after the names (`load` and `soak` read them). */
const { names: asked, flags } = parseArgs(process.argv.slice(2));

const line = (label: string, s: Summary) =>
  `${label}p50 ${formatMs(s.p50).padStart(9)}  p99 ${formatMs(s.p99).padStart(9)}  max ${formatMs(s.max).padStart(9)}  (n=${s.n})`;

const BENCHES: Record<string, () => void | Promise<void>> = {
  'loop-stop': () => {
    const { toStopAll, wholeStep } = stopLatency(2000);
    console.log(
      `loop-stop: red → stopAll() called   p50 ${formatMs(toStopAll.p50)}  p99 ${formatMs(toStopAll.p99)}  max ${formatMs(toStopAll.max)}  (n=${toStopAll.n})`,
    );
    console.log(
      `loop-stop: whole stopping step      p50 ${formatMs(wholeStep.p50)}  p99 ${formatMs(wholeStep.p99)}  max ${formatMs(wholeStep.max)}`,
    );
    console.log(`BENCH ${JSON.stringify({ bench: 'loop-stop', toStopAll, wholeStep })}`);
  },
  fold: () => {
    const result = stepThroughput(200_000);
    console.log(`fold: ${result.eventsPerSecond.toLocaleString('en')} events/s folded by the core`);
    console.log(`BENCH ${JSON.stringify({ bench: 'fold', ...result })}`);
  },
  stop: async () => {
    const result = await stopOverWire({
      phases: [
        { scenes: 1, warmUp: 50, samples: 300 },
        { scenes: 100, warmUp: 100, samples: 1000 },
      ],
      progress: (text) => {
        console.error(text);
      },
    });
    console.log(
      'stop: safeword into a busy scene loop → StopCmd at a Buttplug server in another process',
    );
    const meets = (p: StopWirePhaseResult) =>
      p.ratio.p50 <= STOP_GOAL_RATIO && p.ratio.p99 <= STOP_GOAL_RATIO;
    for (const p of result.phases) {
      const n = `N=${p.scenes}`.padEnd(6);
      console.log(line(`  ${n} Redline  `, p.redline));
      console.log(line(`  ${' '.repeat(6)} bare     `, p.bare));
      console.log(
        `  ${' '.repeat(6)} ratio    p50 ${p.ratio.p50.toFixed(2)}  p99 ${p.ratio.p99.toFixed(2)}  (goal ≤ ${STOP_GOAL_RATIO}: ${meets(p) ? 'met' : 'missed'})`,
      );
      console.log(
        `  ${' '.repeat(6)} in-process part (until the call returned): Redline submit p50 ${formatMs(p.inProcess.redline.p50)} p99 ${formatMs(p.inProcess.redline.p99)}, bare stopAllDevices() p50 ${formatMs(p.inProcess.bare.p50)} p99 ${formatMs(p.inProcess.bare.p99)}`,
      );
      console.log(
        `  ${' '.repeat(6)} load     OutputCmd/s per connection: Redline ${p.outputFramesPerSecond.redline.toFixed(1)}, bare ${p.outputFramesPerSecond.bare.toFixed(1)}; unexpected stops ${p.unexpectedStops}, errors ${p.errors}`,
      );
    }
    const { before, after } = result.clock;
    console.log(
      `  clock    echo round trip p50 ${formatMs(before.roundTripP50)} / ${formatMs(after.roundTripP50)}; smallest one-way ${formatMs(Math.min(before.minForward, after.minForward))} → and ${formatMs(Math.min(before.minBackward, after.minBackward))} ←; one-way > round trip in ${before.violations + after.violations} of ${before.probes + after.probes} probes`,
    );
    if (result.invalidFrames > 0)
      console.log(`  warning: the servers received ${result.invalidFrames} invalid frame(s)`);
    const figures = (p: StopWirePhaseResult) => ({
      scenes: p.scenes,
      redline: p.redline,
      bare: p.bare,
      ratio: p.ratio,
      goalMet: meets(p),
      inProcess: p.inProcess,
      outputFramesPerSecond: p.outputFramesPerSecond,
      unexpectedStops: p.unexpectedStops,
      errors: p.errors,
    });
    console.log(
      `BENCH ${JSON.stringify({
        bench: 'stop',
        goal: { ratioAtMost: STOP_GOAL_RATIO, scenes: 100 },
        phases: result.phases.map(figures),
        clock: result.clock,
        invalidFrames: result.invalidFrames,
      })}`,
    );
  },
  detect: () => {
    printDetect(
      runDetect(undefined, (text) => {
        console.error(text);
      }),
    );
  },
  load: async () => {
    const options = loadOptions(flags, (text) => {
      console.error(text);
    });
    printLoad(await loadBench(options), options);
  },
  soak: async () => {
    const options = soakOptions(flags, (text) => {
      console.error(text);
    });
    printSoak(await soakBench(options), options);
  },
  click: async () => {
    const result = await clickLatency({
      runs: CLICK_RUNS,
      warmUp: CLICK_WARM_UP,
      progress: (text) => {
        console.error(text);
      },
    });
    const { fromPointerDown: p, fromDispatch: d, clock } = result;
    const met = p.p99 <= CLICK_GOAL_P99_MS;
    console.log(
      'click: RED touched on the panel in Chromium → StopCmd at the simulated device server',
    );
    console.log(line('  page pointerdown → StopCmd     ', p));
    console.log(line('  touch sent (CDP) → StopCmd     ', d));
    console.log(
      `  goal p99 ≤ ${CLICK_GOAL_P99_MS} ms (from pointerdown): ${met ? 'met' : 'missed'}; failed runs ${result.failures}`,
    );
    console.log(
      `  clock    page − Node ${formatMs(clock.before.offset)} / ${formatMs(clock.after.offset)} (best round trip ${formatMs(clock.before.bestRoundTrip)} / ${formatMs(clock.after.bestRoundTrip)}); page reading outside the round trip in ${clock.before.violations + clock.after.violations} of ${clock.before.probes + clock.after.probes} probes`,
    );
    console.log(
      `BENCH ${JSON.stringify({
        bench: 'click',
        n: p.n,
        p50: p.p50,
        p99: p.p99,
        max: p.max,
        mean: p.mean,
        goal: { p99AtMostMs: CLICK_GOAL_P99_MS },
        goalMet: met,
        fromDispatch: d,
        clock,
        failures: result.failures,
      })}`,
    );
  },
};

const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `bench: unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`,
  );
  process.exit(2);
}
/** Benchmarks that run only when named: they take minutes. */
const ONLY_WHEN_NAMED = new Set(['soak']);
const names =
  asked.length > 0 ? asked : Object.keys(BENCHES).filter((n) => !ONLY_WHEN_NAMED.has(n));
for (const name of names) await BENCHES[name]?.();

function parseArgs(args: readonly string[]): { names: string[]; flags: Map<string, string> } {
  const names: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      names.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else {
      flags.set(arg.slice(2), args[i + 1] ?? '');
      i += 1;
    }
  }
  return { names, flags };
}
