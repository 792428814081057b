import type { Connection } from '../net/connection';
import type { SceneView } from '../../protocol/view';
import { asSentence } from '../words/format';

/**
 * Before anything starts, the panel proves it can stop the toys (DESIGN.md "Set up"): the server
 * sends a real stop to every device and reports whether each confirmed it.
 */
export function TestStop({ connection, view }: { connection: Connection; view: SceneView }) {
  const result = view.setup.testStop;
  return (
    <section className="card stack panel-test" aria-labelledby="panel-test-title">
      <h2 id="panel-test-title">Test the stop</h2>
      <p className="muted">
        Before the scene starts, check that this phone can stop the toys. Nothing will move.
      </p>
      <button
        type="button"
        className="btn btn-large"
        data-testid="panel-test-stop"
        onClick={() => connection.send({ type: 'stop.test' })}
      >
        Test stop
      </button>
      <p data-testid="panel-test-stop-result" role="status" aria-live="polite">
        {result === null ? (
          <span className="muted">Not tested yet.</span>
        ) : result.ok ? (
          <span className="notice-ok">{`Test stop worked. ${asSentence(result.message)}`}</span>
        ) : (
          <span className="notice notice-danger">
            {`Test stop did not work. ${asSentence(result.message)}`}
          </span>
        )}
      </p>
      {view.setup.missing.length > 0 && (
        <div>
          <p className="muted">Still to do before the start:</p>
          <ul>
            {view.setup.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
