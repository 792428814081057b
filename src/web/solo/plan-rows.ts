import type { Agreement } from '../../core/agreement/agreement';
import type { Phase } from '../../core/scene/phases';
import { formatClock, formatPercent } from '../words/format';

/** The solo plan, read-only: each phase's steps, with the one playing now marked. */
export type PlanRow = Readonly<{ at: string; level: string; current: boolean }>;
export type PlanGroup = Readonly<{
  phase: 'warm-up' | 'play' | 'post-orgasm';
  title: string;
  rows: readonly PlanRow[];
}>;

type Plan = NonNullable<Agreement['plan']>;

const PARTS = [
  ['warm-up', 'Warm-up', 'warmUp'],
  ['play', 'Play', 'play'],
  ['post-orgasm', 'Post-orgasm', 'postOrgasm'],
] as const;

/** `elapsedMs`: time since the current phase began. */
export function planGroups(plan: Plan, phase: Phase, elapsedMs: number): readonly PlanGroup[] {
  return PARTS.map(([part, title, field]) => {
    const steps = plan[field];
    let current = -1;
    if (phase === part)
      steps.forEach((step, i) => {
        if (step.afterSeconds * 1000 <= elapsedMs) current = i;
      });
    return {
      phase: part,
      title,
      rows: steps.map((step, i) => ({
        at: `from ${formatClock(step.afterSeconds * 1000)}`,
        level: formatPercent(step.level),
        current: i === current,
      })),
    };
  });
}
