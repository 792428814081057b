/**
 * Whether the heart rate backs an orgasm now: it peaks at orgasm (commonly 110–170 bpm) after a
 * surge over the seconds before. Support is the rise of the latest readings over the lowest in
 * the last 40 s, 0 at a rise of 5 bpm or less and 1 at 25 bpm or more. Arousal alone raises the
 * heart rate over minutes, not seconds, so it barely registers here.
 */
const WINDOW_MS = 40_000;
const RECENT = 3;
const FROM_BPM = 5;
const FULL_BPM = 25;

export type HeartSupport = Readonly<{
  push(t_ms: number, hr: number | undefined): void;
  /** 0–1; 0 without readings. */
  support(t_ms: number): number;
}>;

export function createHeartSupport(): HeartSupport {
  const readings: { t: number; hr: number }[] = [];
  return {
    push(t, hr) {
      if (hr === undefined) return;
      readings.push({ t, hr });
      while ((readings[0]?.t ?? t) < t - WINDOW_MS) readings.shift();
    },
    support(t) {
      // Fewer readings than that can hold no fresh ones enough: the common case without a strap.
      if (readings.length < RECENT + 2) return 0;
      const fresh = readings.filter((r) => r.t >= t - WINDOW_MS);
      if (fresh.length < RECENT + 2) return 0;
      const latest = fresh.slice(-RECENT);
      const now = latest.reduce((a, r) => a + r.hr, 0) / latest.length;
      if (t - (latest[0]?.t ?? -Infinity) > 10_000) return 0;
      const low = fresh.reduce((m, r) => Math.min(m, r.hr), Infinity);
      return Math.min(1, Math.max(0, (now - low - FROM_BPM) / (FULL_BPM - FROM_BPM)));
    },
  };
}
