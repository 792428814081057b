/** Orgasm and distress detectors over sensor samples, and labelled synthetic traces (README.md). */
export {
  createDetector,
  DEFAULT_DETECTOR_SETTINGS,
  DETECTOR_NAMES,
  type DetectionEvent,
  type DetectionType,
  type Detector,
  type DetectorName,
  type DetectorSettings,
} from './detector';
export { createDistressWatch, type DistressWatch } from './distress';
export { generateTrace } from './generate-trace';
export { DEFAULT_ARTIFACTS, type OrgasmOptions, type TraceOptions } from './options';
export { createRng, type Rng } from './rng';
export * from './trace';
