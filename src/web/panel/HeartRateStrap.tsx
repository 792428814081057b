import { useCallback } from 'react';
import type { Connection } from '../net/connection';
import { useHeartRateStrap } from './use-heart-rate-strap';

/**
 * Optional: a standard Bluetooth heart-rate strap, read here and passed on as `reading` frames so
 * the console sees the receiver's pulse. Only this browser talks to the strap; nothing else does.
 */
export function HeartRateStrap({ connection }: { connection: Connection }) {
  const onBpm = useCallback(
    (bpm: number) => {
      connection.send({ type: 'reading', kind: 'heart-rate', bpm });
    },
    [connection],
  );
  const strap = useHeartRateStrap(onBpm);

  if (strap.status === 'unavailable')
    return (
      <p className="muted" data-testid="panel-hr-unavailable">
        This browser cannot read a heart-rate strap.
      </p>
    );

  const linked = strap.status === 'connected';
  return (
    <div className="stack panel-hr" data-testid="panel-hr">
      {linked ? (
        <p role="status" data-testid="panel-hr-status">
          {strap.name}: {strap.bpm === null ? 'waiting for a reading…' : `${strap.bpm} bpm`}
        </p>
      ) : (
        strap.message !== null && (
          <p
            role="status"
            data-testid="panel-hr-status"
            className={strap.status === 'lost' ? 'notice notice-warning' : 'muted'}
          >
            {strap.status === 'lost' && strap.name !== null ? `${strap.name}: ` : ''}
            {strap.message}
          </p>
        )
      )}
      {linked ? (
        <button
          type="button"
          className="btn"
          data-testid="panel-hr-disconnect"
          onClick={strap.disconnect}
        >
          Disconnect the strap
        </button>
      ) : (
        <button
          type="button"
          className="btn"
          data-testid="panel-hr-connect"
          disabled={strap.status === 'connecting'}
          onClick={strap.connect}
        >
          {strap.status === 'connecting' ? 'Connecting…' : 'Connect a heart-rate strap'}
        </button>
      )}
    </div>
  );
}
