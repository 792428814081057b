import { traceCsv as traceOf } from '../../core/scene/trace-csv';
import type { FoldedStep } from './fold';
import type { Reading } from './history-api';

export { TRACE_HEADER } from '../../core/scene/trace-csv';

/** The scene's traces as CSV, exactly as the server's export writes them (core/scene/trace-csv). */
export function traceCsv(steps: readonly FoldedStep[], readings: readonly Reading[]): string {
  return traceOf(
    steps.flatMap((s) => s.effects),
    readings,
  );
}

/** The scene's event log as a file to keep: its events as stored, in order, as a JSON array. */
export function eventLogJson(events: readonly unknown[]): string {
  return `${JSON.stringify(events, null, 2)}\n`;
}
