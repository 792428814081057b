import { isActive } from '../../core/scene/phases';
import type { SceneView } from '../../protocol/view';
import { limitLines, strongestApplied } from './summary';

/** The current strength as a plain bar against the ceiling of this phase. */
export function IntensityBar({ view }: { view: SceneView }) {
  const pct = Math.round(strongestApplied(view.applied) * 100);
  const ceiling = isActive(view.phase)
    ? Math.round(view.limits.phaseCeilings[view.phase] * 100)
    : null;
  return (
    <div className="panel-intensity">
      <div className="panel-intensity-label">
        <span>Strength now</span>
        <span>
          {pct}%{ceiling === null ? '' : ` (limit ${ceiling}%)`}
        </span>
      </div>
      <div
        className="panel-intensity-track"
        role="meter"
        aria-label="Strength now"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="panel-intensity-fill" style={{ width: `${pct}%` }} />
        {ceiling !== null && (
          <div className="panel-intensity-limit" style={{ left: `${ceiling}%` }} />
        )}
      </div>
    </div>
  );
}

/**
 * The agreed limits in short, as they stand now (lowered ones included). Always open: below the
 * buttons they crowd nothing, and a folded box looked empty.
 */
export function LimitsSummary({ view }: { view: SceneView }) {
  return (
    <section className="card panel-limits" aria-labelledby="panel-limits-title">
      <h2 id="panel-limits-title">What you agreed</h2>
      <ul data-testid="panel-limits">
        {limitLines(view.agreement, view.limits).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
