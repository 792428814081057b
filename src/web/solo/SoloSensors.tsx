import type { Connection } from '../net/connection';
import type { SceneView } from '../../protocol/view';
import { SensorAlerts } from '../console/SensorAlerts';
import type { SensorAlert, SensorAlertKind } from '../console/sensor-alerts';
import { useSceneNow } from '../console/use-scene-now';
import { sensorOrgasmNote, soloReadouts, type SensorOrgasm } from './solo-sensors';

/**
 * The sensors for a person alone: what they raise (distress, a detected orgasm to confirm with
 * Mark orgasm), a calm note when the sensor marked the orgasm itself, and the live pressure and
 * heart rate. Nothing at all when there is none of these. Placed below the panel: RED stays first.
 */
export function SoloSensors({
  view,
  connection,
  alerts,
  dismissAlert,
  sensorOrgasm,
}: {
  view: SceneView;
  connection: Connection | null;
  alerts: readonly SensorAlert[];
  dismissAlert: (kind: SensorAlertKind) => void;
  sensorOrgasm: SensorOrgasm | null;
}) {
  const now = useSceneNow(view);
  const { pressure, heartRate } = soloReadouts(view, now);
  return (
    <>
      <SensorAlerts alerts={alerts} dismiss={dismissAlert} connection={connection} />
      {sensorOrgasm !== null && (
        <p className="card" role="status" data-testid="solo-sensor-orgasm">
          {sensorOrgasmNote(sensorOrgasm, view)}
        </p>
      )}
      {(pressure !== null || heartRate !== null) && (
        <section className="card" aria-labelledby="solo-sensors-title">
          <h2 id="solo-sensors-title">Sensors</h2>
          <dl className="limits">
            {pressure !== null && (
              <div className="limit">
                <dt>Pressure</dt>
                <dd data-testid="solo-pressure">
                  <Reading words={pressure} staleTestId="solo-pressure-stale" />
                </dd>
              </div>
            )}
            {heartRate !== null && (
              <div className="limit">
                <dt>Heart rate</dt>
                <dd data-testid="solo-heart-rate">
                  <Reading words={heartRate} staleTestId="solo-heart-rate-stale" />
                </dd>
              </div>
            )}
          </dl>
        </section>
      )}
    </>
  );
}

function Reading({
  words,
  staleTestId,
}: {
  words: { value: string; age: string | null; warning: string | null };
  staleTestId: string;
}) {
  return (
    <>
      {words.value}
      {words.age !== null && <span className="muted"> ({words.age})</span>}
      {words.warning !== null && (
        <span className="danger-text" role="status" data-testid={staleTestId}>
          {' '}
          {words.warning}
        </span>
      )}
    </>
  );
}
