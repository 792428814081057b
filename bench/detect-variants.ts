import {
  createDetector,
  type ArtifactLabel,
  type OrgasmLabel,
  type Trace,
} from '../src/core/detection';
import { createEomBaseline, EOM_RULE, type EomRule } from '../src/core/detection/eom-baseline';
import type { OrgasmDetector } from '../src/core/detection/orgasm-detector';
import { corpusEntries, REPORTED_CORPUS, traceOf, type CorpusEntry } from './detect-corpus';
import { ATTRIBUTION_TAIL_MS, summarizeScores, type TraceScore } from './detect-score';

/**
 * `npx tsx bench/detect-variants.ts`: measurements for decision 0010 on the reported corpus,
 * beyond what `npm run bench -- detect` prints. Nothing here was tuned on: it shows how other
 * readings of the baseline's rule fare, Redline at each sensitivity, and both on parts of the
 * corpus (low and high rates, without heart rate, without the output column).
 */
type Variant = Readonly<{ label: string; make: () => OrgasmDetector }>;

const eom = (rule: Partial<EomRule>): (() => OrgasmDetector) => {
  return () => createEomBaseline('normal', { ...EOM_RULE, ...rule });
};
const orgasmsOnly = (name: 'redline' | 'eom-baseline', sensitivity: 'low' | 'normal' | 'high') => {
  return (): OrgasmDetector => {
    const detector = createDetector(name, { sensitivity });
    return {
      push: (s) => detector.push(s).find((e) => e.type === 'orgasm')?.confidence,
    };
  };
};

const VARIANTS: readonly Variant[] = [
  { label: 'redline normal', make: orgasmsOnly('redline', 'normal') },
  { label: 'redline low', make: orgasmsOnly('redline', 'low') },
  { label: 'redline high', make: orgasmsOnly('redline', 'high') },
  { label: 'eom as reported (ungated, 40)', make: eom({}) },
  { label: 'eom firmware structure (gated)', make: eom({ gated: true }) },
  { label: 'eom sustained threshold 60', make: eom({ sustainedThreshold: 60 }) },
  { label: 'eom firmware default 200', make: eom({ sustainedThreshold: 200 }) },
  { label: 'eom 100 ms running average', make: eom({ smoothingMs: 100 }) },
];

const SUBSETS: readonly Readonly<{ label: string; keep: (e: CorpusEntry) => boolean }>[] = [
  { label: 'all', keep: () => true },
  { label: 'rate ≤ 20 Hz', keep: (e) => (e.options.sampleRateHz ?? 15) <= 20 },
  { label: 'rate ≥ 60 Hz', keep: (e) => (e.options.sampleRateHz ?? 15) >= 60 },
  { label: 'no heart rate', keep: (e) => e.options.heartRate === false },
  { label: 'no output column', keep: (e) => e.options.output === false },
];

function score(trace: Trace, detector: OrgasmDetector): TraceScore {
  const events: number[] = [];
  for (const s of trace.samples) if (detector.push(s) !== undefined) events.push(s.t_ms);
  const orgasm = trace.labels.find((l): l is OrgasmLabel => l.type === 'orgasm');
  const artifacts = trace.labels.filter((l): l is ArtifactLabel => l.type !== 'orgasm');
  let hit: number | undefined;
  const falseAlarms: TraceScore['falseAlarms'][number][] = [];
  for (const t of events) {
    if (orgasm !== undefined && hit === undefined && t >= orgasm.t_ms && t <= orgasm.end_ms) {
      hit = t;
      continue;
    }
    const artifact = artifacts.find((a) => t >= a.t_ms && t <= a.end_ms + ATTRIBUTION_TAIL_MS);
    falseAlarms.push({ t_ms: t, to: artifact?.type ?? 'none' });
  }
  return {
    orgasm: orgasm && {
      regular: orgasm.regularSeries,
      latencyMs: hit === undefined ? undefined : hit - orgasm.t_ms,
    },
    falseAlarms,
    quietMs: trace.durationMs - (orgasm === undefined ? 0 : orgasm.end_ms - orgasm.t_ms),
    samples: trace.samples.length,
  };
}

const entries = corpusEntries(REPORTED_CORPUS);
const results = VARIANTS.map(() => [] as { entry: CorpusEntry; score: TraceScore }[]);
for (const entry of entries) {
  const trace = traceOf(entry);
  VARIANTS.forEach((v, i) => results[i]?.push({ entry, score: score(trace, v.make()) }));
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
const s = (ms: number) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(2)}s`).padStart(7);
for (const subset of SUBSETS) {
  console.log(`\n${subset.label}: recall regular / none, false alarms per hour, latency p50 p90`);
  VARIANTS.forEach((v, i) => {
    const f = summarizeScores(
      (results[i] ?? []).filter((r) => subset.keep(r.entry)).map((r) => r.score),
    );
    console.log(
      `  ${v.label.padEnd(32)}${pct(f.recallRegular)}${pct(f.recallIrregular)}` +
        `${f.falseAlarmsPerHour.toFixed(3).padStart(8)}${s(f.latencyRegularMs.p50)}${s(f.latencyRegularMs.p90)}` +
        `  (n=${f.regularOrgasms}/${f.irregularOrgasms}, ${f.quietHours.toFixed(1)} h)`,
    );
  });
}
