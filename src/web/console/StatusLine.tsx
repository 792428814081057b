import { useState } from 'react';
import type { Connection, ConnectionSnapshot } from '../net/connection';
import { asSentence } from '../words/format';

const WORDS: Record<ConnectionSnapshot['status'], string> = {
  connecting: 'Connecting to the Redline server…',
  open: 'Connected',
  reconnecting: 'Connection lost: trying again…',
  refused:
    'The server did not accept this screen for this scene (unknown scene or secret). Create a new scene or pair again.',
  ended: 'This scene has ended: it no longer moves any toy. Its debrief and history are kept.',
};

function statusWords(snapshot: ConnectionSnapshot): string {
  const { status, lastError } = snapshot;
  // The server says why it closed this screen just before it does (docs/protocol.md, bye).
  const bye = lastError?.code === 'bye' ? asSentence(lastError.message) : null;
  if (bye !== null && status === 'refused')
    return `This screen was disconnected. ${bye} Reconnect to take it back.`;
  if (bye !== null && status === 'reconnecting')
    return `The server closed the connection. ${bye} Trying again until it is back…`;
  return WORDS[status];
}

/** The connection's state in words, with a way to try again now, and the last refusal. */
export function StatusLine({
  connection,
  snapshot,
  errorsOnly = false,
}: {
  connection: Connection | null;
  snapshot: ConnectionSnapshot;
  /** Only refusals: where another part of the screen (the panel) shows the connection. */
  errorsOnly?: boolean;
}) {
  const { status, lastError } = snapshot;
  const [dismissed, setDismissed] = useState<object | null>(null);
  const tone =
    status === 'open' || status === 'ended'
      ? 'notice-ok'
      : status === 'refused'
        ? 'notice-danger'
        : 'notice-warning';
  // A goodbye or an ended scene is said by the status itself.
  const showError =
    lastError !== null &&
    lastError !== dismissed &&
    lastError.code !== 'bye' &&
    lastError.code !== 'ended';
  return (
    <div className="status-line row" role="status" aria-live="polite">
      {!errorsOnly && (
        <p className={`notice ${tone}`} data-testid="connection-status" data-status={status}>
          {statusWords(snapshot)}
        </p>
      )}
      {!errorsOnly &&
        (status === 'reconnecting' || status === 'refused') &&
        connection !== null && (
          <button
            type="button"
            className="btn"
            data-testid="connection-retry"
            onClick={() => {
              connection.retry();
            }}
          >
            Reconnect now
          </button>
        )}
      {showError && (
        <p className="notice notice-warning" data-testid="last-error">
          Not done: {lastError.message}{' '}
          <button
            type="button"
            className="btn"
            onClick={() => {
              setDismissed(lastError);
            }}
          >
            OK
          </button>
        </p>
      )}
    </div>
  );
}
