import type { ConnectionSnapshot } from '../net/connection';
import { asSentence } from '../words/format';

const STATUS_WORDS: Record<ConnectionSnapshot['status'], string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  refused: 'Not connected',
  ended: 'Scene ended',
};

/** The connection in words, and a plain warning whenever the stop may not get through. */
export function ConnectionBanner({
  snapshot,
  onRetry,
}: {
  snapshot: ConnectionSnapshot;
  onRetry: () => void;
}) {
  const { status, lastError, queuedStops } = snapshot;
  return (
    <>
      <p
        className={`panel-status panel-status-${status}`}
        data-testid="connection-status"
        data-status={status}
        role="status"
        aria-live="polite"
      >
        <span className="panel-status-dot" aria-hidden="true" />
        {STATUS_WORDS[status]}
      </p>
      {/* An ended scene moves no toy: nothing to warn about. */}
      {status !== 'open' && status !== 'ended' && (
        <div className="notice notice-danger panel-offline" role="alert">
          <p>
            <strong>Not connected — your stop may not reach the toys.</strong> Use the toy's own
            button or remove it.
          </p>
          {queuedStops > 0 && <p>Your stop will be sent the moment the connection is back.</p>}
          {status === 'refused' && (
            <>
              {lastError !== null && <p>{asSentence(lastError.message)}</p>}
              <button type="button" className="btn" onClick={onRetry} data-testid="panel-retry">
                Connect again
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
