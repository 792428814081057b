import { createSeries, type Series } from './series';
import type { Sensitivity } from './orgasm-detector';

/**
 * Orgasms without a regular series: a smooth rise of the pressure over about a second that is
 * then held for seconds. Told apart from look-alikes by its shape: a voluntary clench rises in
 * a fraction of a second and lasts 1–3 s; movement is a jolt, then a small shift; an output
 * step is the toy's doing (the caller says when); drift and arousal are far slower.
 */
type Episode = {
  start: number;
  reference: number;
  /** Pressure over `reference` since `start`: times and levels (series.ts). */
  points: Series;
  highest: number;
  explained: boolean;
  below: number | undefined;
  decided: boolean;
};

/**
 * How long the rise must be held near its height (from reaching 80 % of it): longer than a
 * voluntary clench of up to 3 s can stay there.
 */
const HOLD: Readonly<Record<Sensitivity, number>> = { low: 3300, normal: 2900, high: 2500 };
/** Least height of the hold over the resting level, counts (and at least 5 σ). */
const LEVEL: Readonly<Record<Sensitivity, number>> = { low: 26, normal: 20, high: 15 };
/** The hold's height is the lowest point of the last 2 s (the rise wobbles by about 10 %). */
const PLATEAU_MS = 2000;
/** 20–80 % rise time: a clench takes 60–120 ms, this rise 0.3–0.8 s (plus smoothing). */
const MIN_RISE_MS = 260;
/** 20–80 % rise time at most: drift and the arousal build-up take far longer. */
const MAX_RISE_MS = 1600;
/** A dip this far below the baseline just before is a jolt (movement), not a rise. */
const DIP_LOOKBACK_MS = 2000;
const HISTORY_MS = 10_000;
const LATEST_DECISION_MS = 1500;
/** An episode runs while the pressure is up (back down for 0.5 s ends it), for 12 s at most. */
const MAX_EPISODE_MS = 12_000;
const DROPOUT_MS = 500;

export type SustainedRiseContext = Readonly<{
  baseline: number | undefined;
  sigma: number;
  /** Whether the output started or jumped near this time. */
  suspect: boolean;
  heartSupport: number;
}>;

export type SustainedRise = Readonly<{
  point(t_ms: number, x: number, context: SustainedRiseContext): number | undefined;
  reset(): void;
}>;

export function createSustainedRise(sensitivity: Sensitivity): SustainedRise {
  let episode: Episode | undefined;
  let armed = true;
  /** Pressure over the running baseline, for the last `HISTORY_MS`: times and levels. */
  const history = createSeries();
  /** The episode's points, kept from one episode to the next (cleared at each start). */
  const points = createSeries();

  return {
    point(t, x, { baseline, sigma, suspect, heartSupport }) {
      if (baseline === undefined) return undefined;
      const startLevel = Math.max(8, 3 * sigma);
      const above = x - baseline;
      history.push(t, above);
      while (history.length() > 0 && history.t(0) < t - HISTORY_MS) history.shift();
      if (episode === undefined) {
        if (!armed) {
          if (above < startLevel / 2) armed = true;
          return undefined;
        }
        if (above < startLevel) return undefined;
        // On a ramp (drift, arousal) the baseline lags; the level just before is the fairer one.
        const before = meanBetween(history, t - 1000, t - 250) + baseline;
        points.clear();
        episode = {
          start: t,
          reference: Math.max(baseline, before),
          points,
          highest: -Infinity,
          explained: suspect,
          below: undefined,
          decided: false,
        };
      }
      const ep = episode;
      const e = x - ep.reference;
      ep.points.push(t, e);
      ep.highest = Math.max(ep.highest, e);
      if (suspect) ep.explained = true;
      if (above < startLevel / 2) ep.below ??= t;
      else ep.below = undefined;
      if ((ep.below !== undefined && t - ep.below >= DROPOUT_MS) || t - ep.start > MAX_EPISODE_MS) {
        episode = undefined;
        armed = above < startLevel / 2 || t - ep.start > MAX_EPISODE_MS;
        return undefined;
      }
      if (ep.decided || ep.explained) return undefined;

      if (t - ep.start < HOLD[sensitivity]) return undefined;
      let plateau = Infinity;
      for (let i = ep.points.length() - 1; i >= 0; i--) {
        if (ep.points.t(i) < t - PLATEAU_MS) break;
        plateau = Math.min(plateau, ep.points.v(i));
      }
      if (plateau < Math.max(LEVEL[sensitivity], 5 * sigma)) return undefined;
      if (ep.highest - plateau > 0.6 * plateau + 4 * sigma) return undefined;
      // The hold: since the pressure last came up through 80 % of the plateau.
      let reachedAt = 0;
      for (let i = ep.points.length() - 1; i >= 0; i--)
        if (ep.points.v(i) < 0.8 * plateau) {
          reachedAt = i + 1;
          break;
        }
      const reached = reachedAt < ep.points.length() ? ep.points.t(reachedAt) : t;
      if (t - reached < HOLD[sensitivity]) return undefined;
      // Decided soon after the hold is long enough, or not at all: a level that only later
      // passes the tests is a shift or a drift that happened to settle, not a rise.
      if (t - reached > HOLD[sensitivity] + LATEST_DECISION_MS) {
        ep.explained = true;
        return undefined;
      }
      // Where the rise began must be seen: a trace that starts high shows a step, not a rise.
      let from: number | undefined;
      for (let i = history.length() - 1; i >= 0; i--) {
        if (history.t(i) <= reached && history.v(i) < 0.2 * plateau) {
          from = history.t(i);
          break;
        }
      }
      if (from === undefined) {
        ep.explained = true;
        return undefined;
      }
      const rise = reached - from;
      if (rise < MIN_RISE_MS || rise > MAX_RISE_MS) return undefined;
      // A jolt just before (movement) leaves a dip under the level the rise starts from.
      const start = from;
      let dip = false;
      for (let i = 0; i < history.length() && !dip; i++) {
        const pt = history.t(i);
        dip =
          pt >= start - DIP_LOOKBACK_MS && pt <= start && history.v(i) < -Math.max(15, 5 * sigma);
      }
      if (dip) {
        ep.explained = true;
        return undefined;
      }
      ep.decided = true;
      return Math.min(0.95, 0.55 + 0.2 * heartSupport + Math.min(0.1, plateau / 1000));
    },
    reset() {
      episode = undefined;
      armed = true;
      history.clear();
      points.clear();
    },
  };
}

function meanBetween(points: Series, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < points.length(); i++) {
    const t = points.t(i);
    if (t >= from && t <= to) {
      sum += points.v(i);
      n += 1;
    }
  }
  return n === 0 ? -Infinity : sum / n;
}
