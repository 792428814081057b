import { bodyArtifacts } from './artifacts';
import { heartRateModel } from './heart-rate';
import { resolveOptions, type ResolvedOptions, type TraceOptions } from './options';
import { orgasmShape, type OrgasmShape } from './orgasm';
import { planOutput } from './output-plan';
import { createRng, type Rng } from './rng';
import { createSchedule, type Schedule } from './schedule';
import { clamp, type Component } from './shapes';
import { PRESSURE_MAX, type OrgasmLabel, type Sample, type Trace, type TraceLabel } from './trace';

export type { TraceOptions } from './options';

/** Arousal builds for at least this long before an orgasm. */
const MIN_BUILD_UP_MS = 20_000;
/** Room after an orgasm for the heart rate's peak (≤ 8 s) and recovery (≤ 120 s). */
const HEART_RATE_TAIL_MS = 130_000;
const PRESSURE_TAIL_MS = 10_000;

type PlacedOrgasm = Readonly<{ onset_ms: number; shape: OrgasmShape }>;

/**
 * A labelled synthetic trace, grounded in the physiology in DESIGN.md ("Sensors and detection").
 * Same options and seed, same trace. Throws RangeError for options it cannot honour.
 */
export function generateTrace(options: TraceOptions, seed: number): Trace {
  const rng = createRng(seed);
  const opts = resolveOptions(options, rng);
  const schedule = createSchedule(rng, opts.durationMs);
  const orgasm = placeOrgasm(rng, schedule, opts);

  const plan = planOutput(
    rng,
    schedule,
    opts.durationMs,
    opts.artifacts['motor-start'],
    opts.artifacts['power-jump'],
    orgasm === undefined ? Math.min(15_000, opts.durationMs / 3) : orgasm.onset_ms - 10_000,
  );
  const body = bodyArtifacts(rng, schedule, opts.artifacts);
  const arousal = arousalCurve(plan.firstStart_ms, orgasm?.onset_ms, opts.durationMs);
  const heart = heartRateModel(
    rng,
    arousal,
    orgasm && opts.orgasm && { onset_ms: orgasm.onset_ms, intensity: opts.orgasm.intensity },
  );

  const base = rng.uniform(600, 2400);
  const drift = slowDrift(rng);
  const arousalGain = rng.uniform(10, 40);
  const vibrationNoise = rng.uniform(1, 3);
  const pressure: Component = (t) =>
    base +
    drift(t) +
    arousalGain * arousal(t) +
    (orgasm === undefined ? 0 : orgasm.shape.pressure(t - orgasm.onset_ms)) +
    plan.pressure(t) +
    body.pressure(t);

  const samples: Sample[] = [];
  let nextHeartBeatReport = rng.uniform(0, 1000);
  for (let i = 0; ; i++) {
    const t = Math.round((i * 1000) / opts.sampleRateHz);
    if (t >= opts.durationMs) break;
    if (body.gaps.some((g) => t >= g.start && t < g.end)) continue;
    const output = plan.output(t);
    const noisy = pressure(t) + rng.normal(0, opts.noise + vibrationNoise * output);
    let hr: number | undefined;
    if (opts.heartRate && t >= nextHeartBeatReport) {
      hr = Math.round(clamp(heart.bpm(t) + rng.uniform(-1, 1), 30, 220));
      while (nextHeartBeatReport <= t) nextHeartBeatReport += rng.uniform(950, 1050);
    }
    samples.push({
      t_ms: t,
      pressure: clamp(Math.round(noisy), 0, PRESSURE_MAX),
      ...(hr === undefined ? {} : { hr }),
      ...(opts.output ? { output: Math.round(output * 10_000) / 10_000 } : {}),
    });
  }

  const labels: TraceLabel[] = [...plan.labels, ...body.labels];
  if (orgasm !== undefined && opts.orgasm !== undefined) {
    const at = (rel: number) => Math.round(orgasm.onset_ms + rel);
    const label: OrgasmLabel = {
      type: 'orgasm',
      t_ms: orgasm.onset_ms,
      end_ms: at(orgasm.shape.lengthMs),
      intensity: opts.orgasm.intensity,
      regularSeries: opts.orgasm.regularSeries,
      contractions: orgasm.shape.contractionOnsets_ms.length,
      contractionOnsets_ms: orgasm.shape.contractionOnsets_ms.map(at),
      contractionPeaks_ms: orgasm.shape.contractionPeaks_ms.map(at),
      ...(opts.heartRate && heart.peak !== undefined
        ? {
            heartRate: {
              peak_bpm: Math.round(heart.peak.peak_bpm),
              peak_ms: Math.round(heart.peak.peak_ms),
              recovery_ms: Math.round(heart.peak.recovery_ms),
              rest_bpm: Math.round(heart.rest_bpm),
            },
          }
        : {}),
    };
    labels.push(label);
  }
  labels.sort((a, b) => a.t_ms - b.t_ms);

  return {
    seed,
    sampleRateHz: opts.sampleRateHz,
    durationMs: opts.durationMs,
    samples,
    labels,
  };
}

function placeOrgasm(
  rng: Rng,
  schedule: Schedule,
  opts: ResolvedOptions,
): PlacedOrgasm | undefined {
  if (opts.orgasm === undefined) return undefined;
  const shape = orgasmShape(rng, opts.orgasm.intensity, opts.orgasm.regularSeries);
  const tail = Math.max(
    opts.heartRate ? HEART_RATE_TAIL_MS : PRESSURE_TAIL_MS,
    shape.lengthMs + 3000,
  );
  const earliest = Math.max(MIN_BUILD_UP_MS, 0.3 * opts.durationMs);
  const latest = opts.durationMs - tail;
  let onset: number;
  if (opts.orgasm.at_ms === undefined) {
    if (latest < MIN_BUILD_UP_MS)
      throw new RangeError(
        `durationMs ${opts.durationMs} is too short for an orgasm: need at least ` +
          `${MIN_BUILD_UP_MS + tail} ms (or turn heart rate off)`,
      );
    onset = Math.round(rng.uniform(Math.min(earliest, latest), latest));
  } else {
    onset = opts.orgasm.at_ms;
    if (!(onset >= 12_000 && onset + shape.lengthMs + 3000 <= opts.durationMs))
      throw new RangeError(
        `orgasm.at_ms must be ≥ 12000 and leave ${shape.lengthMs + 3000} ms before the end, ` +
          `got ${onset}`,
      );
  }
  schedule.reserve({ start: onset - 3000, end: onset + shape.lengthMs + 2000 });
  return { onset_ms: onset, shape };
}

/** 0 before stimulation, building to 1 at orgasm and ebbing after; without orgasm, a plateau. */
function arousalCurve(
  start_ms: number,
  orgasm_ms: number | undefined,
  durationMs: number,
): (t_ms: number) => number {
  if (orgasm_ms === undefined)
    return (t) =>
      t < start_ms ? 0 : 0.7 * Math.min(1, (t - start_ms) / (0.6 * (durationMs - start_ms)));
  return (t) => {
    if (t < start_ms) return 0;
    if (t < orgasm_ms) return ((t - start_ms) / (orgasm_ms - start_ms)) ** 1.5;
    return Math.exp(-(t - orgasm_ms) / 30_000);
  };
}

/** Slow bounded drift of the baseline (temperature, the sensor settling): a few slow waves. */
function slowDrift(rng: Rng): Component {
  const waves = [0, 1, 2].map(() => ({
    amp: rng.uniform(5, 25),
    periodMs: rng.uniform(60_000, 600_000),
    phase: rng.uniform(0, 2 * Math.PI),
  }));
  return (t) =>
    waves.reduce((acc, w) => acc + w.amp * Math.sin(w.phase + (2 * Math.PI * t) / w.periodMs), 0);
}
