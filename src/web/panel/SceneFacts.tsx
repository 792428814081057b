import type { SceneView } from '../../protocol/view';
import { isActive } from './phase';
import { limitLines, strongestApplied } from './summary';

/** The current strength as a plain bar against the ceiling of this phase. */
export function IntensityBar({ view }: { view: SceneView }) {
  const now = strongestApplied(view.applied);
  const phase = view.phase;
  const ceiling =
    phase === 'warm-up' || phase === 'play' || phase === 'orgasm' || phase === 'post-orgasm'
      ? view.limits.phaseCeilings[phase]
      : 0;
  const pct = Math.round(now * 100);
  return (
    <div className="panel-intensity">
      <div className="panel-intensity-label">
        <span>Strength now</span>
        <span>
          {pct}%{isActive(phase) ? ` (limit ${Math.round(ceiling * 100)}%)` : ''}
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
        {isActive(phase) && (
          <div
            className="panel-intensity-limit"
            style={{ left: `${Math.round(ceiling * 100)}%` }}
          />
        )}
      </div>
    </div>
  );
}

/** The agreed limits in short, folded away so they do not crowd the buttons. */
export function LimitsSummary({ view }: { view: SceneView }) {
  return (
    <details className="card panel-limits">
      <summary>What you agreed</summary>
      <ul>
        {limitLines(view.agreement, view.limits).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
