import type { OutputKind } from '../../core/agreement/agreement';
import type { Limits } from '../../core/governor/limits';
import type { LimitChange } from '../../core/scene/events';
import { formatPercent, formatSpan } from '../words/format';

/**
 * What the "lower a limit" control offers: for each limit, only values narrower than the one in
 * force (S3). Widening needs a new agreement signed by both, so it is never offered here.
 */
export type LimitOption = Readonly<{ label: string; change: LimitChange }>;
export type LimitTarget = Readonly<{
  id: string;
  label: string;
  current: string;
  options: readonly LimitOption[];
}>;

const PERCENT_STEP = 0.05;
const SECONDS = [
  5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 450, 600, 900, 1200, 1800, 2700,
];
const RAMP_FACTORS = [1.5, 2, 3, 4];
const EPSILON = 1e-9;

/** Levels in 5 % steps strictly below the current one, highest first, down to zero. */
export function lowerLevels(current: number): number[] {
  const out: number[] = [];
  for (let n = Math.ceil(current / PERCENT_STEP - EPSILON) - 1; n >= 0; n--)
    out.push(Math.round(n * PERCENT_STEP * 100) / 100);
  return out;
}

const ceilingOptions = (current: number, make: (value: number) => LimitChange) =>
  lowerLevels(current).map((value) => ({ label: formatPercent(value), change: make(value) }));

export function limitTargets(limits: Limits): readonly LimitTarget[] {
  const targets: LimitTarget[] = [];
  const add = (id: string, label: string, current: string, options: LimitOption[]) => {
    if (options.length > 0) targets.push({ id, label, current, options });
  };
  const phases = [
    ['post-orgasm', 'Post-orgasm ceiling'],
    ['play', 'Play ceiling'],
    ['warm-up', 'Warm-up ceiling'],
  ] as const;
  const postSeconds = limits.postOrgasmMaxMs / 1000;
  for (const [phase, label] of phases) {
    const current = limits.phaseCeilings[phase];
    add(
      `phase-${phase}`,
      label,
      formatPercent(current),
      ceilingOptions(current, (value) => ({
        kind: 'phase-ceiling',
        phase,
        value,
      })),
    );
    if (phase === 'post-orgasm')
      add(
        'post-orgasm-seconds',
        'Post-orgasm time',
        formatSpan(postSeconds),
        SECONDS.filter((s) => s < postSeconds)
          .reverse()
          .map((value) => ({
            label: formatSpan(value),
            change: { kind: 'post-orgasm-seconds', value },
          })),
      );
  }
  for (const [output, current] of Object.entries(limits.outputCeilings) as [OutputKind, number][])
    add(
      `output-${output}`,
      `Ceiling for ${output}`,
      formatPercent(current),
      ceilingOptions(current, (value) => ({
        kind: 'output-ceiling',
        output,
        value,
      })),
    );
  const fullScale = limits.rampPerMs > 0 ? Math.round(1 / (limits.rampPerMs * 1000)) : 3600;
  add(
    'ramp',
    'Ramp (slower only)',
    `0 to full in ${formatSpan(fullScale)}`,
    [...new Set(RAMP_FACTORS.map((f) => Math.min(3600, Math.round(fullScale * f))))]
      .filter((s) => s > fullScale)
      .map((fullScaleSeconds) => ({
        label: `0 to full in ${formatSpan(fullScaleSeconds)}`,
        change: { kind: 'ramp', fullScaleSeconds },
      })),
  );
  const orgasms: LimitOption[] = [];
  for (let value = limits.orgasmsMax - 1; value >= 0; value--)
    orgasms.push({
      label: value === 0 ? '0 (any orgasm stops the scene)' : String(value),
      change: { kind: 'orgasms', value },
    });
  add('orgasms', 'Orgasms allowed', String(limits.orgasmsMax), orgasms);
  return targets;
}
