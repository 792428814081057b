import { DETECTOR_NAMES, type DetectorName } from '../src/core/detection';
import { corpusEntries, REPORTED_CORPUS, traceOf, type CorpusSpec } from './detect-corpus';
import { scoreTrace, summarizeScores, type Figures, type TraceScore } from './detect-score';

/**
 * `npm run bench -- detect`: Redline's orgasm detector beside the Edge-o-Matic-style baseline on
 * a fixed-seed labelled corpus (bench/README.md says what counts as a hit and a false alarm).
 */
export const DETECT_GOALS = {
  latencyP50AtMostMs: 1600,
  recallRegularAtLeast: 0.95,
  falseAlarmsPerHourAtMost: 0.1,
} as const;

export type DetectResult = Readonly<{
  corpus: CorpusSpec & Readonly<{ traces: number; samples: number; hours: number }>;
  figures: Readonly<Record<DetectorName, Figures>>;
  goals: Readonly<Record<string, boolean>>;
  seconds: number;
}>;

export function runDetect(
  spec: CorpusSpec = REPORTED_CORPUS,
  progress?: (text: string) => void,
): DetectResult {
  const started = performance.now();
  const scores = Object.fromEntries(DETECTOR_NAMES.map((n) => [n, [] as TraceScore[]])) as Record<
    DetectorName,
    TraceScore[]
  >;
  const entries = corpusEntries(spec);
  let samples = 0;
  let durationMs = 0;
  entries.forEach((entry, i) => {
    const trace = traceOf(entry);
    samples += trace.samples.length;
    durationMs += trace.durationMs;
    for (const name of DETECTOR_NAMES) scores[name].push(scoreTrace(trace, name));
    if (progress !== undefined && (i + 1) % 100 === 0)
      progress(`detect: ${i + 1}/${entries.length} traces`);
  });
  const figures = Object.fromEntries(
    DETECTOR_NAMES.map((n) => [n, summarizeScores(scores[n])]),
  ) as Record<DetectorName, Figures>;
  return {
    corpus: { ...spec, traces: entries.length, samples, hours: durationMs / 3_600_000 },
    figures,
    goals: goalsMet(figures.redline, figures['eom-baseline']),
    seconds: (performance.now() - started) / 1000,
  };
}

function goalsMet(redline: Figures, baseline: Figures): Record<string, boolean> {
  const better = (a: number, b: number, lowerIsBetter: boolean) =>
    Number.isNaN(b) ? !Number.isNaN(a) : lowerIsBetter ? a < b : a > b;
  return {
    latencyP50: redline.latencyRegularMs.p50 <= DETECT_GOALS.latencyP50AtMostMs,
    recallRegular: redline.recallRegular >= DETECT_GOALS.recallRegularAtLeast,
    falseAlarmsPerHour: redline.falseAlarmsPerHour <= DETECT_GOALS.falseAlarmsPerHourAtMost,
    betterThanBaseline:
      better(redline.recallRegular, baseline.recallRegular, false) &&
      better(redline.recallIrregular, baseline.recallIrregular, false) &&
      (redline.falseAlarmsPerHour < baseline.falseAlarmsPerHour ||
        (redline.falseAlarmsPerHour === 0 && baseline.falseAlarmsPerHour === 0)) &&
      better(redline.latencyRegularMs.p50, baseline.latencyRegularMs.p50, true) &&
      better(redline.latencyRegularMs.p90, baseline.latencyRegularMs.p90, true) &&
      better(redline.latencyIrregularMs.p50, baseline.latencyIrregularMs.p50, true),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const sec = (ms: number) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(2)} s`);

export function printDetect(result: DetectResult): void {
  const { corpus, figures, goals } = result;
  const r = figures.redline;
  const b = figures['eom-baseline'];
  console.log(
    `detect: ${corpus.traces} traces (seeds ${corpus.seedBase}–${corpus.seedBase + corpus.traces - 1}), ` +
      `${corpus.hours.toFixed(1)} h, ${(corpus.samples / 1e6).toFixed(1)} M samples at 10–100 Hz; ` +
      `${r.regularOrgasms} orgasms with a regular series, ${r.irregularOrgasms} without; ` +
      `${r.quietHours.toFixed(1)} h of signal outside orgasms`,
  );
  const rows: [string, string, string][] = [
    ['recall, regular series', pct(r.recallRegular), pct(b.recallRegular)],
    ['recall, no regular series', pct(r.recallIrregular), pct(b.recallIrregular)],
    ['false alarms per hour', r.falseAlarmsPerHour.toFixed(3), b.falseAlarmsPerHour.toFixed(3)],
    [
      '  95 % upper bound',
      r.falseAlarmsPerHourUpper95.toFixed(3),
      b.falseAlarmsPerHourUpper95.toFixed(3),
    ],
    ['false alarms (count)', String(r.falseAlarms), String(b.falseAlarms)],
    ...(Object.keys(r.falseAlarmsByArtifact) as (keyof Figures['falseAlarmsByArtifact'])[]).map(
      (type): [string, string, string] => [
        `  in or after ${type}`,
        String(r.falseAlarmsByArtifact[type]),
        String(b.falseAlarmsByArtifact[type]),
      ],
    ),
    ['latency p50, regular', sec(r.latencyRegularMs.p50), sec(b.latencyRegularMs.p50)],
    ['latency p90, regular', sec(r.latencyRegularMs.p90), sec(b.latencyRegularMs.p90)],
    ['latency p50, no series', sec(r.latencyIrregularMs.p50), sec(b.latencyIrregularMs.p50)],
    ['latency p90, no series', sec(r.latencyIrregularMs.p90), sec(b.latencyIrregularMs.p90)],
  ];
  console.log(`  ${''.padEnd(28)}${'redline'.padStart(10)}${'eom-baseline'.padStart(14)}`);
  for (const [label, red, base] of rows)
    console.log(`  ${label.padEnd(28)}${red.padStart(10)}${base.padStart(14)}`);
  const word = (met: boolean | undefined) => (met === true ? 'met' : 'missed');
  console.log(
    `  goals: latency p50 ≤ 1.6 s ${word(goals['latencyP50'])}; recall ≥ 95 % ${word(goals['recallRegular'])}; ` +
      `≤ 0.1 false alarms/h ${word(goals['falseAlarmsPerHour'])}; better than the baseline on every figure ${word(goals['betterThanBaseline'])}`,
  );
  console.log(`  (${result.seconds.toFixed(1)} s)`);
  console.log(`BENCH ${JSON.stringify({ bench: 'detect', ...result })}`);
}
