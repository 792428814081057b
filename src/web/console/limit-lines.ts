import type { Limits } from '../../core/governor/limits';
import { formatPercent, formatSpan } from '../words/format';

/** The limits in force (the agreement's, as lowered since), as label–value lines. */
export type LimitLine = Readonly<{ id: string; label: string; value: string }>;

export function limitLines(limits: Limits, orgasms: number): readonly LimitLine[] {
  const p = limits.phaseCeilings;
  const lines: LimitLine[] = [
    { id: 'warm-up', label: 'Warm-up ceiling', value: formatPercent(p['warm-up']) },
    { id: 'play', label: 'Play ceiling', value: formatPercent(p.play) },
    { id: 'post-orgasm', label: 'Post-orgasm ceiling', value: formatPercent(p['post-orgasm']) },
  ];
  for (const [kind, ceiling] of Object.entries(limits.outputCeilings))
    lines.push({
      id: `output-${kind}`,
      label: `Ceiling for ${kind}`,
      value: formatPercent(ceiling),
    });
  const fullScale = limits.rampPerMs > 0 ? 1 / (limits.rampPerMs * 1000) : 0;
  lines.push(
    { id: 'ramp', label: 'Ramp (0 to full, at least)', value: formatSpan(fullScale) },
    {
      id: 'post-orgasm-time',
      label: 'Post-orgasm time at most',
      value: formatSpan(limits.postOrgasmMaxMs / 1000),
    },
    {
      id: 'orgasms',
      label: 'Orgasms so far / allowed',
      value: `${orgasms} / ${limits.orgasmsMax}`,
    },
  );
  return lines;
}
