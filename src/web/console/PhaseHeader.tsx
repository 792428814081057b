import type { SceneView } from '../../protocol/view';
import { liveTimers } from './live-timers';
import { nameOf } from '../words/names';
import { phaseName } from '../words/phase';
import { waitingForGreen } from './reminders';
import { useSceneNow } from './use-scene-now';

/** The phase in large type, the running clocks, and whether the receiver is holding the scene. */
export function PhaseHeader({
  view,
  phaseTestId = 'phase',
  showWaiting = true,
}: {
  view: SceneView;
  /** The solo screen's panel already carries the "phase" test id. */
  phaseTestId?: string;
  /** The solo screen's panel already says it is waiting for green. */
  showWaiting?: boolean;
}) {
  const now = useSceneNow(view);
  const whose = view.mode === 'solo' ? 'your' : `${nameOf(view.agreement, 'submissive')}'s`;
  const waiting = showWaiting ? waitingForGreen(view, whose) : null;
  return (
    <section className="card stack phase-header" aria-labelledby="phase-title">
      <h2 id="phase-title" className="visually-hidden">
        Phase and time
      </h2>
      <p
        className="phase-name"
        data-testid={phaseTestId}
        data-phase={view.phase}
        aria-live="polite"
      >
        {phaseName(view.phase)}
        {view.edging && <span className="phase-tag"> · edging</span>}
      </p>
      {waiting !== null && (
        <p className="notice notice-warning" role="status" data-testid="waiting-for-green">
          {waiting}
        </p>
      )}
      <dl className="timers">
        {liveTimers(view, now).map((line) => (
          <div key={line.id} className={line.urgent === true ? 'timer urgent' : 'timer'}>
            <dt>{line.label}</dt>
            <dd data-testid={`timer-${line.id}`}>{line.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
