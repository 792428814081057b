import type { Sample } from './trace';

export type Sensitivity = 'low' | 'normal' | 'high';

/** One orgasm detector behind `createDetector`: the confidence of an orgasm decided now. */
export type OrgasmDetector = Readonly<{ push(sample: Sample): number | undefined }>;
