import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateTrace, type Sample, type Trace } from '../../core';
import { formatCsvTrace } from './csv-trace';
import { packagePath } from '../../package-root';

/**
 * The example traces in examples/traces/, generated from the core's labelled trace generator with
 * fixed seeds (same code, same files). Run `npx tsx src/cli/detect/example-traces.ts` to write
 * them; example-traces.test.ts checks the files are what this makes.
 *
 * - `generated.csv` — Redline's plain CSV: five minutes at 15 Hz with heart rate and output,
 *   one moderate orgasm with a regular series, and the default artifacts.
 * - `eom-stream.jsonl` — 20 s of the Edge-o-Matic's WebSocket readings as a capture holds them
 *   (the replies to our set-up commands first), without orgasm.
 * - `eom-log.csv` — one minute of an Edge-o-Matic SD-card log in the current firmware's layout
 *   (src/data_logger.c: twelve header names, eleven values per row, raw pressure not logged).
 *   Synthetic, not a real recording: no public recordings exist.
 */
export const EXAMPLE_TRACES_DIR = packagePath('examples', 'traces');

export const EXAMPLE_SEEDS = { csv: 6, stream: 61, log: 62 } as const;

export function generatedCsvTrace(): Trace {
  return generateTrace(
    { sampleRateHz: 15, orgasm: { intensity: 'moderate', regularSeries: true } },
    EXAMPLE_SEEDS.csv,
  );
}

export function exampleLogTrace(): Trace {
  return generateTrace(
    {
      sampleRateHz: 50,
      durationMs: 60_000,
      heartRate: false,
      orgasm: { intensity: 'intense', regularSeries: true },
      artifacts: { 'motor-start': 1, 'power-jump': 0, clench: 0, movement: 0, gap: 0 },
    },
    EXAMPLE_SEEDS.log,
  );
}

/** The device's `pavg`, a running mean of the last few readings (5 here: an assumption). */
function runningAverage(samples: readonly Sample[], width = 5): number[] {
  return samples.map((_, i) => {
    const window = samples.slice(Math.max(0, i - width + 1), i + 1);
    return Math.round(window.reduce((sum, s) => sum + s.pressure, 0) / window.length);
  });
}

const motorOf = (s: Sample) => Math.floor((s.output ?? 0) * 255);

function eomStream(): string {
  const trace = generateTrace(
    {
      sampleRateHz: 15,
      durationMs: 20_000,
      orgasm: 'none',
      heartRate: false,
      artifacts: { 'motor-start': 1, 'power-jump': 0, clench: 1, movement: 0, gap: 0 },
    },
    EXAMPLE_SEEDS.stream,
  );
  const pavg = runningAverage(trace.samples);
  const bootMs = 198_452;
  const frames: unknown[] = [{ setMode: { mode: 'MANUAL' } }, { streamReadings: { nonce: 1 } }];
  trace.samples.forEach((s, i) => {
    frames.push({
      readings: {
        pressure: s.pressure,
        pavg: pavg[i],
        motor: motorOf(s),
        // The device's own arousal estimate; Redline does not read it, so it stays 0 here.
        arousal: 0,
        millis: bootMs + s.t_ms,
        runMode: 'MANUAL',
      },
    });
  });
  return frames.map((f) => `${JSON.stringify(f)}\n`).join('');
}

function eomLog(): string {
  const trace = exampleLogTrace();
  const pavg = runningAverage(trace.samples);
  const header =
    'millis,pressure,avg_pressure,arousal,motor_speed,sensitivity_threshold,' +
    'detect_state,detect_mode_used,baseline,sustained_ms,peak_count,last_interval_ms\n';
  // As the firmware writes them: millis, average, arousal, motor, threshold, then its detector's
  // state (left idle here: Redline does not read it).
  const rows = trace.samples.map(
    (s, i) => `${s.t_ms + 21},${pavg[i] ?? 0},0,${motorOf(s)},600,0,S,${pavg[i] ?? 0},0,0,0\n`,
  );
  return header + rows.join('');
}

export function exampleTraceFiles(): Readonly<Record<string, string>> {
  return {
    'generated.csv': formatCsvTrace(generatedCsvTrace().samples),
    'eom-stream.jsonl': eomStream(),
    'eom-log.csv': eomLog(),
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  for (const [name, text] of Object.entries(exampleTraceFiles())) {
    writeFileSync(join(EXAMPLE_TRACES_DIR, name), text);
    process.stdout.write(`wrote ${join(EXAMPLE_TRACES_DIR, name)}\n`);
  }
}
