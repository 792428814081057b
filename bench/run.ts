import { stepThroughput } from './step-throughput';
import { formatMs } from './stats';
import { stopLatency } from './stop-latency';

/**
 * `npm run bench [-- NAME…]`: Redline's benchmarks. Each prints a readable summary and one JSON
 * line (prefixed `BENCH `) for scripts. Figures depend on the machine; compare on one machine.
 */
const BENCHES: Record<string, () => void> = {
  'loop-stop': () => {
    const { toStopAll, wholeStep } = stopLatency(2000);
    console.log(
      `stop: red → stopAll() called   p50 ${formatMs(toStopAll.p50)}  p99 ${formatMs(toStopAll.p99)}  max ${formatMs(toStopAll.max)}  (n=${toStopAll.n})`,
    );
    console.log(
      `stop: whole stopping step      p50 ${formatMs(wholeStep.p50)}  p99 ${formatMs(wholeStep.p99)}  max ${formatMs(wholeStep.max)}`,
    );
    console.log(`BENCH ${JSON.stringify({ bench: 'loop-stop', toStopAll, wholeStep })}`);
  },
  fold: () => {
    const result = stepThroughput(200_000);
    console.log(`fold: ${result.eventsPerSecond.toLocaleString('en')} events/s folded by the core`);
    console.log(`BENCH ${JSON.stringify({ bench: 'fold', ...result })}`);
  },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `bench: unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`,
  );
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) BENCHES[name]?.();
