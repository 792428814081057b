import type { FeatureSpec } from '../scene/events';
import { isActive, type Phase } from '../scene/phases';
import type { Limits } from './limits';
import { testPulseCeiling, type TestPulse } from './test-pulse';

/**
 * The governor: the one function through which every device output passes (S2). Its result is
 * the only source of `GovernedLevel` values, and device adapters accept nothing else, so an
 * ungoverned number cannot reach a toy by accident.
 */

declare const governed: unique symbol;
/** A level in 0–1 that the governor produced. Only this module can make one. */
export type GovernedLevel = number & { readonly [governed]: true };

export const ZERO = 0 as GovernedLevel;

/** `device/feature`: one output of one device. */
export type FeatureKey = `${string}/${string}`;
export function featureKey(device: string, feature: string): FeatureKey {
  return `${device}/${feature}`;
}

export type GovernedFeature = Readonly<{ device: string; feature: FeatureSpec }>;

/**
 * Each feature's key, made once per feature object: the governor asks for it several times a
 * step, and a key made afresh is a new string that every record lookup must hash again. Held
 * weakly, so a scene's features and their keys go together.
 */
const keys = new WeakMap<GovernedFeature, FeatureKey>();
export function keyOf(feature: GovernedFeature): FeatureKey {
  let key = keys.get(feature);
  if (key === undefined) {
    key = featureKey(feature.device, feature.feature.id);
    keys.set(feature, key);
  }
  return key;
}

export type GovernorInput = Readonly<{
  now: number;
  phase: Phase;
  /** Latched by any stop; nothing but zero once set (S1, S6). */
  stopped: boolean;
  /** Outputs held at zero until the submissive's fresh green (S1, S6). */
  paused: boolean;
  /** Play stimulation paused near the edge. */
  edging: boolean;
  limits: Limits;
  features: readonly GovernedFeature[];
  lostDevices: readonly string[];
  /** What the dominant or the plan asked for. */
  targets: Readonly<Record<FeatureKey, number>>;
  /** What each output was last set to, and when. */
  previous: Readonly<Record<FeatureKey, GovernedLevel>>;
  previousAt: number;
  /** Caps set by a yellow, holding each output at or below its lowered level until green. */
  yellowCaps: Readonly<Record<FeatureKey, number>>;
  /** The moment the post-orgasm time runs out, once an orgasm has been marked. */
  postOrgasmEndsAt: number | null;
  /** The set-up's test pulse on one output, if one is running. */
  testPulse: TestPulse | null;
}>;

/** The largest level each output may have now: the whole of S2 and S3 in one place. */
export function ceilingFor(input: GovernorInput, feature: GovernedFeature): number {
  const { phase, limits } = input;
  if (phase === 'setup') return testPulseFor(input, feature);
  if (input.stopped || input.paused || input.edging || !isActive(phase)) return 0;
  if (input.lostDevices.includes(feature.device)) return 0;
  if (input.postOrgasmEndsAt !== null && input.now >= input.postOrgasmEndsAt) return 0;
  const key = keyOf(feature);
  return Math.min(
    limits.outputCeilings[feature.feature.kind] ?? 0,
    limits.phaseCeilings[phase],
    input.yellowCaps[key] ?? 1,
    1,
  );
}

/**
 * The level of the set-up's test pulse on this output: above zero only in set-up, before any
 * stop, on the one pulsing output of a device not lost, before the pulse's end. Everything else
 * in set-up is zero (S2).
 */
export function testPulseFor(input: GovernorInput, feature: GovernedFeature): number {
  const pulse = input.testPulse;
  if (pulse === null || input.phase !== 'setup' || input.stopped) return 0;
  if (pulse.key !== keyOf(feature)) return 0;
  if (input.now >= pulse.until || input.lostDevices.includes(feature.device)) return 0;
  return testPulseCeiling(input.limits, feature.feature.kind);
}

export function govern(input: GovernorInput): Record<FeatureKey, GovernedLevel> {
  const elapsed = Math.max(0, input.now - input.previousAt);
  const out: Record<FeatureKey, GovernedLevel> = {};
  for (const feature of input.features) {
    const key = keyOf(feature);
    if (input.phase === 'setup') {
      // Set-up has no targets: only a test pulse, already tiny and a second long, so it starts
      // at its level, off the ramp.
      out[key] = ceilingFor(input, feature) as GovernedLevel;
      continue;
    }
    const before = input.previous[key] ?? 0;
    const rampBound = before + input.limits.rampPerMs * elapsed;
    const bound = Math.min(ceilingFor(input, feature), rampBound);
    // Exact, not rounded: a rounding down at every step would stall a slow ramp at zero, and
    // adapters map levels onto each device's integer steps themselves, rounding down.
    out[key] = Math.max(0, Math.min(input.targets[key] ?? 0, bound)) as GovernedLevel;
  }
  return out;
}
