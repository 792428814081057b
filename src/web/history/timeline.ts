import type { FeatureKey } from '../../core/governor/governor';
import type { Agreement } from '../../core/agreement/agreement';
import type { StopRecord } from '../../core/scene/state';
import { plotOutputs, type PlotOutput } from '../console/plot-labels';
import { formatDuration } from '../words/format';
import type { FoldedStep } from './fold';
import type { Reading, StopTiming } from './history-api';
import { timelineMarks, type Mark } from './marks';

/**
 * A past scene laid out for its plot and its words: the governed level of every output over
 * time (what the toys were actually sent), readings, marks, the stop and how fast it reached
 * the toys. Times stay on the scene clock; `origin` is where "0:00" is (the start, or the
 * creation for a scene that never started).
 */
export type Timeline = Readonly<{
  origin: number;
  end: number;
  outputs: readonly PlotOutput[];
  /** Each output's level after every change, held until the next (a step line). */
  levels: readonly Readonly<{ at: number; values: readonly number[] }>[];
  pressure: readonly Reading[];
  heartRate: readonly Reading[];
  marks: readonly Mark[];
  stop: StopRecord | null;
  /** How long the stop took to reach the toys (ms), if the device side confirmed it. */
  stopReachedMs: number | null;
  orgasms: number;
}>;

export function buildTimeline(
  steps: readonly FoldedStep[],
  agreement: Agreement,
  readings: readonly Reading[],
  stopTimings: readonly StopTiming[],
): Timeline {
  const first = steps[0];
  const last = steps.at(-1);
  if (first === undefined || last === undefined) throw new Error('a folded log has its creation');
  const final = last.state;
  const outputs = plotOutputs(final.devices);
  const keys = outputs.map((o) => o.key);
  const levels: { at: number; values: number[] }[] = [
    { at: first.state.createdAt, values: keys.map(() => 0) },
  ];
  let current = keys.map(() => 0);
  for (const step of steps) {
    const next = keys.map((k) => step.state.applied[k as FeatureKey] ?? 0);
    if (next.every((v, i) => v === current[i])) continue;
    current = next;
    const at = step.state.now;
    // Two changes in one millisecond: the later one is what the toys kept.
    if (levels.at(-1)?.at === at) levels.pop();
    levels.push({ at, values: next });
  }
  const stop = final.stop;
  const timing =
    stop === null ? undefined : (stopTimings.find((t) => t.at >= stop.at) ?? stopTimings[0]);
  const lastReading = readings.at(-1)?.at ?? 0;
  return {
    origin: final.startedAt ?? final.createdAt,
    end: Math.max(final.now, lastReading),
    outputs,
    levels,
    pressure: readings.filter((r) => r.kind === 'pressure'),
    heartRate: readings.filter((r) => r.kind === 'heart-rate'),
    marks: timelineMarks(steps, agreement),
    stop,
    stopReachedMs: timing?.reachedAfterMs ?? null,
    orgasms: final.orgasms,
  };
}

/** "3.2 ms", "0.4 ms", "120 ms": enough digits to mean something, no more. */
export function formatLatency(ms: number): string {
  const digits = ms < 10 ? 1 : 0;
  return `${ms.toFixed(digits)}\u00a0ms`;
}

export function stopTimingWords(t: Timeline): string {
  if (t.stop === null) return 'The scene has not stopped yet.';
  if (t.stopReachedMs === null)
    return 'How fast the stop reached the toys was not recorded (the device server did not confirm it).';
  return `The stop reached the toys in ${formatLatency(t.stopReachedMs)}.`;
}

/**
 * Columns for one uPlot: x (ms from the origin), then each output's level, pressure and heart
 * rate. Levels are held between changes; a reading is where it was taken and null elsewhere
 * (the plot spans the gaps).
 */
export function plotColumns(t: Timeline): (number | null)[][] {
  const times = new Set<number>([t.origin, t.end]);
  for (const l of t.levels) if (l.at >= t.origin) times.add(l.at);
  for (const r of t.pressure) times.add(r.at);
  for (const r of t.heartRate) times.add(r.at);
  const xs = [...times].filter((x) => x >= t.origin).sort((a, b) => a - b);
  const pressureAt = new Map(t.pressure.map((r) => [r.at, r.value]));
  const hrAt = new Map(t.heartRate.map((r) => [r.at, r.value]));
  const outputs: (number | null)[][] = t.outputs.map(() => []);
  let li = 0;
  let held: readonly number[] = t.outputs.map(() => 0);
  for (const x of xs) {
    for (let next = t.levels[li]; next !== undefined && next.at <= x; next = t.levels[++li])
      held = next.values;
    outputs.forEach((column, i) => column.push(held[i] ?? 0));
  }
  return [
    xs.map((x) => x - t.origin),
    ...outputs,
    xs.map((x) => pressureAt.get(x) ?? null),
    xs.map((x) => hrAt.get(x) ?? null),
  ];
}

/** A moment on the scene clock as the plot shows it: m:ss from the start, or "Set-up" before it. */
export function sceneTime(at: number, origin: number): string {
  return at < origin ? 'Set-up' : formatDuration(at - origin);
}
