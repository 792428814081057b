import type { Connection } from '../net/connection';
import type { SceneView } from '../../protocol/view';
import { nextPhase } from '../words/phase';

/** Mark orgasm, edging, next phase and end: the console's scene controls besides STOP. */
export function SceneActions({
  view,
  connection,
  edging = true,
}: {
  view: SceneView;
  connection: Connection | null;
  /** Edging is the dominant's control; solo has none. */
  edging?: boolean;
}) {
  const next = nextPhase(view.phase, view.agreement);
  const atLimit = view.orgasms >= view.limits.orgasmsMax;
  const send = connection === null ? () => null : connection.send.bind(connection);
  return (
    <section className="card stack" aria-labelledby="actions-title">
      <h2 id="actions-title">Scene</h2>
      <div className="actions">
        <div className="stack">
          {/* At the agreed number, marking stays possible (it is honest, and the stop it makes is
            the safe direction) but no longer invites a tap: small, secondary, saying what it does. */}
          {atLimit && (
            <p id="orgasm-limit-hint" className="muted">
              The agreed number of orgasms is reached ({view.orgasms} of {view.limits.orgasmsMax}).
            </p>
          )}
          <button
            type="button"
            className={atLimit ? 'btn btn-quiet' : 'btn btn-large'}
            data-testid="console-mark-orgasm"
            aria-describedby={atLimit ? 'orgasm-limit-hint' : undefined}
            onClick={() => send({ type: 'orgasm' })}
          >
            {atLimit ? 'Mark another orgasm (stops the scene)' : 'Mark orgasm'}
          </button>
        </div>
        {edging && view.phase === 'play' && (
          <button
            type="button"
            className="btn btn-large"
            data-testid="console-edge"
            aria-pressed={view.edging}
            onClick={() => send({ type: 'edge', edging: !view.edging })}
          >
            {view.edging ? 'End edging (resume play)' : 'Edging: rest at zero'}
          </button>
        )}
        <div className="stack">
          <button
            type="button"
            className="btn btn-large"
            data-testid="console-next-phase"
            disabled={!next.enabled}
            aria-describedby="next-phase-hint"
            onClick={() => send({ type: 'phase.next' })}
          >
            {next.label}
          </button>
          <p id="next-phase-hint" className="muted">
            {next.hint}
          </p>
        </div>
        <button
          type="button"
          className="btn btn-large"
          data-testid="console-end"
          onClick={() => send({ type: 'end' })}
        >
          End scene (every toy to zero, then aftercare)
        </button>
      </div>
    </section>
  );
}
