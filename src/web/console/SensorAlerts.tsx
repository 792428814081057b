import type { Connection } from '../net/connection';
import {
  sensorAlertLines,
  sensorAlertWords,
  type SensorAlert,
  type SensorAlertKind,
} from './sensor-alerts';

/** What the sensors raise: a detected orgasm to confirm, and distress. Visible until dismissed. */
export function SensorAlerts({
  alerts,
  dismiss,
  connection,
}: {
  alerts: readonly SensorAlert[];
  dismiss: (kind: SensorAlertKind) => void;
  connection: Connection | null;
}) {
  const distress = alerts.find((a) => a.kind === 'distress');
  const confirm = alerts.find((a) => a.kind === 'confirm-orgasm');
  return (
    <>
      {distress !== undefined && (
        <div
          className="notice notice-danger sensor-alert"
          role="alert"
          data-testid="console-distress"
        >
          <AlertBody alert={distress} />
          <button
            type="button"
            className="btn"
            data-testid="console-distress-dismiss"
            onClick={() => {
              dismiss('distress');
            }}
          >
            Seen
          </button>
        </div>
      )}
      {confirm !== undefined && (
        <div
          className="notice notice-warning sensor-alert"
          role="status"
          aria-live="polite"
          data-testid="console-confirm-orgasm"
        >
          <AlertBody alert={confirm} />
          <div className="row">
            <button
              type="button"
              className="btn btn-large"
              data-testid="console-confirm-orgasm-mark"
              onClick={() => {
                connection?.send({ type: 'orgasm' });
                dismiss('confirm-orgasm');
              }}
            >
              Mark orgasm
            </button>
            <button
              type="button"
              className="btn"
              data-testid="console-confirm-orgasm-dismiss"
              onClick={() => {
                dismiss('confirm-orgasm');
              }}
            >
              Dismiss
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function AlertBody({ alert }: { alert: SensorAlert }) {
  return (
    <>
      <p>
        <strong>{sensorAlertWords(alert.kind).title}.</strong>
      </p>
      {sensorAlertLines(alert).map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </>
  );
}
