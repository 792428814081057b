import { formatAge } from '../words/format';

/** A pressure reading older than this is stale: the sensor may be off or disconnected. */
export const PRESSURE_STALE_MS = 5_000;

export type PressurePoint = Readonly<{ value: number; at: number }>;

export type PressureWords = Readonly<{
  value: string;
  age: string | null;
  warning: string | null;
}>;

/** The panel status's pressure line: the raw value, how old it is, and a warning once stale. */
export function pressureWords(point: PressurePoint | null, now: number): PressureWords {
  if (point === null) return { value: 'no pressure sensor', age: null, warning: null };
  const age = Math.max(0, now - point.at);
  return {
    value: `${point.value}`,
    age: formatAge(age),
    warning:
      age > PRESSURE_STALE_MS
        ? `No new reading for over ${PRESSURE_STALE_MS / 1000} seconds: the sensor may be off or disconnected.`
        : null,
  };
}
