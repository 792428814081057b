import { formatAge } from '../words/format';
import { HEART_RATE_STALE_MS, isHeartRateStale, type HeartRatePoint } from './heart-rate-buffer';

export type HeartRateWords = Readonly<{
  value: string;
  age: string | null;
  warning: string | null;
}>;

/** The panel status's heart-rate line: the value, how old it is, and a warning once it is stale. */
export function heartRateWords(point: HeartRatePoint | null, now: number): HeartRateWords {
  if (point === null) return { value: 'none yet (no strap connected)', age: null, warning: null };
  const stale = isHeartRateStale(point, now);
  return {
    value: `${point.bpm} bpm`,
    age: formatAge(Math.max(0, now - point.at)),
    warning: stale
      ? `No new reading for over ${HEART_RATE_STALE_MS / 1000} seconds: the strap may be off or out of range. Ask.`
      : null,
  };
}
