/** Labelled synthetic sensor traces; detectors over them come next (see README.md). */
export { generateTrace } from './generate-trace';
export { DEFAULT_ARTIFACTS, type OrgasmOptions, type TraceOptions } from './options';
export { createRng, type Rng } from './rng';
export * from './trace';
