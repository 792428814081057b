import { describeLimit, percent } from './timeline';
import type { SimRecord } from './records';

/** One JSON object per line; the readable-only `detail` is left out. */
export function jsonLine(record: SimRecord): string {
  if (record.type === 'action')
    return JSON.stringify({ t: record.t, type: record.type, do: record.do });
  return JSON.stringify(record);
}

/** `  02:05.300  phase      play → orgasm`; stops are marked in the margin so they stand out. */
export function readableLine(record: SimRecord): string {
  const marked = record.type === 'stop' || record.type === 'stop-all';
  const [label, text] = describe(record);
  return `${marked ? '■ ' : '  '}${clock(record.t)}  ${label.padEnd(10)} ${text}`.trimEnd();
}

/** `mm:ss.mmm`, or `h:mm:ss.mmm` from an hour on. */
export function clock(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const rest = `${pad(minutes)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
}

function describe(record: SimRecord): [label: string, text: string] {
  switch (record.type) {
    case 'scene':
      return ['scene', `${record.sceneId}, ${record.mode} mode, agreement ${record.agreementHash}`];
    case 'device-map':
      return [
        'device',
        `${record.device}/${record.feature} → ${record.to.device}/${record.to.feature}`,
      ];
    case 'action':
      return ['action', `${record.do} ${record.detail}`];
    case 'phase':
      return ['phase', `${record.from} → ${record.phase}`];
    case 'output':
      return ['output', `${record.device}/${record.feature} ${percent(record.value)}`];
    case 'prompt': {
      const items = record.items && record.items.length > 0 ? `: ${record.items.join('; ')}` : '';
      return ['prompt', `${record.prompt} → ${record.to}${items}`];
    }
    case 'stop':
      return ['STOP', `${record.cause} (${record.by})`];
    case 'stop-all':
      return [
        'STOP ALL',
        record.reason === 'stop' ? 'every output to zero' : 'every output to zero (pause)',
      ];
    case 'paused':
      return ['paused', `${record.cause}: outputs held at zero until the submissive's green`];
    case 'yellow':
      return ['yellow', `outputs lowered and held until the submissive's green (${record.by})`];
    case 'resumed':
      return ['resumed', "on the submissive's green"];
    case 'orgasm':
      return ['orgasm', `#${record.count} (${record.by})${record.early ? ', early' : ''}`];
    case 'edge':
      return ['edge', `${record.edging ? 'started' : 'ended'} (${record.by})`];
    case 'limit':
      return ['limit', `${describeLimit(record.limit)} (${record.by})`];
    case 'checkin-missed':
      return ['check-in', `missed: ${record.action}`];
    case 'rejected':
      return ['rejected', `${record.event}: ${record.reason}`];
    case 'end': {
      const stop = record.stop;
      const how =
        stop === null ? 'not stopped' : `stopped at ${clock(stop.at)}: ${stop.cause} (${stop.by})`;
      return ['end', `${record.phase}, ${how}, ${record.events} events`];
    }
  }
}
