import type { Effect } from './effects';

/**
 * A scene's traces in Redline's plain trace format (docs/cli.md "Trace files (CSV)"): the one
 * definition the server's export (`redline data csv`) and the history page's download share.
 * Imports types only, so the web app can use it without the schemas.
 */
export const TRACE_HEADER = 't_ms,pressure,hr,output';

export type TraceReading = Readonly<{ at: number; kind: 'pressure' | 'heart-rate'; value: number }>;

/**
 * One row per scene-clock millisecond at which something was recorded: a pressure or heart-rate
 * reading, or a change of the governed output (from the scene's effects, as a replay gives
 * them). `output` is on every row: the highest level applied to any output at that moment (0–1),
 * held until it next changes. `pressure` and `hr` are filled only where such a reading was taken
 * (the first, if two share a millisecond), empty elsewhere.
 */
export function traceCsv(effects: readonly Effect[], readings: readonly TraceReading[]): string {
  type Row = { pressure?: number; hr?: number; output?: number };
  const rows = new Map<number, Row>();
  const at = (t: number): Row => {
    const row = rows.get(t) ?? {};
    rows.set(t, row);
    return row;
  };
  for (const r of readings) {
    const row = at(r.at);
    if (r.kind === 'pressure') row.pressure ??= r.value;
    else row.hr ??= r.value;
  }
  for (const [t, level] of outputChanges(effects)) at(t).output = level;
  let level = 0;
  const lines = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, row]) => {
      level = row.output ?? level;
      return [t, row.pressure ?? '', row.hr ?? '', level].join(',');
    });
  return `${[TRACE_HEADER, ...lines].join('\n')}\n`;
}

/** The highest applied level after each millisecond in which it changed. */
function outputChanges(effects: readonly Effect[]): [number, number][] {
  const levels = new Map<string, number>();
  const changes = new Map<number, number>();
  for (const effect of effects) {
    if (effect.type === 'stop-all') levels.clear();
    else if (effect.type === 'output') levels.set(effect.key, effect.value);
    else continue;
    changes.set(effect.at, Math.max(0, ...levels.values()));
  }
  // A millisecond whose level ends where the previous one was is no change at all.
  const out: [number, number][] = [];
  let previous = 0;
  for (const [t, level] of [...changes.entries()].sort(([a], [b]) => a - b)) {
    if (level !== previous) out.push([t, level]);
    previous = level;
  }
  return out;
}
