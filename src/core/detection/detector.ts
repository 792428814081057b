import { createDistressWatch, type DistressWatch } from './distress';
import { createEomBaseline } from './eom-baseline';
import type { OrgasmDetector } from './orgasm-detector';
import { createRedlineDetector } from './redline-detector';
import type { Sample } from './trace';

export type DetectionType = 'orgasm' | 'distress';

export type DetectionEvent = Readonly<{
  t_ms: number;
  type: DetectionType;
  /** 0–1. */
  confidence: number;
}>;

export type DetectorSettings = Readonly<{
  sensitivity: 'low' | 'normal' | 'high';
  /** Heart rate above this for `hrSustainSeconds` is distress; null = no distress detection. */
  hrCeilingBpm: number | null;
  hrSustainSeconds: number;
}>;

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = {
  sensitivity: 'normal',
  hrCeilingBpm: null,
  hrSustainSeconds: 20,
};

/** `redline` is the default; `eom-baseline` is the Edge-o-Matic-style rule it is judged against. */
export const DETECTOR_NAMES = ['redline', 'eom-baseline'] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/**
 * Causal: each push sees one sample (t_ms strictly increasing) and returns what it decided now;
 * an event's t_ms is that sample's t_ms.
 */
export type Detector = Readonly<{ push(sample: Sample): readonly DetectionEvent[] }>;

const NOTHING: readonly DetectionEvent[] = [];

/**
 * A detector by name. Throws RangeError for an unknown name or settings out of range, and from
 * `push` for a sample whose `t_ms` does not increase or whose numbers are not finite: readers
 * validate their input at the edge, so either is a broken invariant here.
 */
export function createDetector(
  name: DetectorName,
  settings: Partial<DetectorSettings> = {},
): Detector {
  const resolved = resolveSettings(settings);
  const orgasm = orgasmDetector(name, resolved);
  const distress: DistressWatch | undefined =
    resolved.hrCeilingBpm === null
      ? undefined
      : createDistressWatch(resolved.hrCeilingBpm, resolved.hrSustainSeconds * 1000);
  let lastT = -Infinity;

  return {
    push(sample) {
      checkSample(sample, lastT);
      lastT = sample.t_ms;
      const orgasmConfidence = orgasm.push(sample);
      const distressConfidence = distress?.push(sample.t_ms, sample.hr);
      // Almost every push decides nothing: no array is made for it.
      if (orgasmConfidence === undefined && distressConfidence === undefined) return NOTHING;
      const events: DetectionEvent[] = [];
      if (orgasmConfidence !== undefined)
        events.push({ t_ms: sample.t_ms, type: 'orgasm', confidence: orgasmConfidence });
      if (distressConfidence !== undefined)
        events.push({ t_ms: sample.t_ms, type: 'distress', confidence: distressConfidence });
      return events;
    },
  };
}

function orgasmDetector(name: DetectorName, settings: DetectorSettings): OrgasmDetector {
  // Names often come from a command line: say which exist rather than fail obscurely.
  if (!(DETECTOR_NAMES as readonly string[]).includes(name))
    throw new RangeError(`unknown detector ${name}; known: ${DETECTOR_NAMES.join(', ')}`);
  switch (name) {
    case 'redline':
      return createRedlineDetector(settings.sensitivity);
    case 'eom-baseline':
      return createEomBaseline(settings.sensitivity);
  }
}

function resolveSettings(settings: Partial<DetectorSettings>): DetectorSettings {
  const resolved = { ...DEFAULT_DETECTOR_SETTINGS, ...settings };
  if (!['low', 'normal', 'high'].includes(resolved.sensitivity))
    throw new RangeError(`sensitivity must be low, normal or high, got ${resolved.sensitivity}`);
  const ceiling = resolved.hrCeilingBpm;
  if (ceiling !== null && !(Number.isFinite(ceiling) && ceiling > 0 && ceiling <= 250))
    throw new RangeError(`hrCeilingBpm must be null or 1–250, got ${ceiling}`);
  const sustain = resolved.hrSustainSeconds;
  if (!(Number.isFinite(sustain) && sustain >= 0 && sustain <= 3600))
    throw new RangeError(`hrSustainSeconds must be 0–3600, got ${sustain}`);
  return resolved;
}

function checkSample(sample: Sample, lastT: number): void {
  if (!Number.isFinite(sample.t_ms) || sample.t_ms <= lastT)
    throw new RangeError(`t_ms must be finite and increase: got ${sample.t_ms} after ${lastT}`);
  if (!Number.isFinite(sample.pressure))
    throw new RangeError(`pressure must be a finite number at t_ms ${sample.t_ms}`);
  if (sample.hr !== undefined && !Number.isFinite(sample.hr))
    throw new RangeError(`hr must be a finite number at t_ms ${sample.t_ms}`);
  if (sample.output !== undefined && !Number.isFinite(sample.output))
    throw new RangeError(`output must be a finite number at t_ms ${sample.t_ms}`);
}
