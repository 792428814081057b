import type { SceneView } from '../../protocol/view';
import { checkInWords, type LastCheckIn } from './checkin-tracker';
import { formatAge } from '../words/format';
import { capitalize, nameOf } from '../words/names';
import { useSceneNow } from './use-scene-now';
import { heartRateWords } from './heart-rate-words';
import { pressureWords } from './pressure-words';

/**
 * The receiver's panel as the console sees it: connected, heartbeats, check-ins, heart rate,
 * pressure.
 */
export function PanelStatus({ view, lastCheckIn }: { view: SceneView; lastCheckIn: LastCheckIn }) {
  const now = useSceneNow(view);
  const name = nameOf(view.agreement, 'submissive');
  const beat = view.lastHeartbeatAt;
  const timeoutMs = view.agreement.panel.heartbeatTimeoutSeconds * 1000;
  const late = beat !== null && now - beat > timeoutMs / 2;
  return (
    <section className="card" aria-labelledby="panel-status-title">
      <h2 id="panel-status-title">{capitalize(name)}&apos;s panel</h2>
      <dl className="limits" data-testid="panel-status">
        <div className="limit">
          <dt>Panel</dt>
          <dd
            data-testid="panel-connected"
            className={view.presence.panel ? 'notice-ok' : 'danger-text'}
          >
            {view.presence.panel ? 'connected' : 'not connected'}
          </dd>
        </div>
        <div className="limit">
          <dt>Last heartbeat</dt>
          <dd className={late ? 'danger-text' : undefined}>
            {beat === null ? 'none yet' : formatAge(now - beat)}
          </dd>
        </div>
        <div className="limit">
          <dt>Last check-in</dt>
          <dd data-testid="last-checkin">
            {lastCheckIn === null
              ? 'none yet'
              : `${checkInWords(lastCheckIn.answer)}, ${formatAge(now - lastCheckIn.at)}`}
          </dd>
        </div>
        <div className="limit">
          <dt>Heart rate</dt>
          <dd data-testid="heart-rate">
            <HeartRateWords heartRate={view.heartRate} now={now} />
          </dd>
        </div>
        <div className="limit">
          <dt>Pressure</dt>
          <dd data-testid="console-pressure">
            <PressureWords pressure={view.pressure} now={now} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function HeartRateWords({ heartRate, now }: { heartRate: SceneView['heartRate']; now: number }) {
  const words = heartRateWords(heartRate, now);
  return (
    <>
      {words.value}
      {words.age !== null && <span className="muted"> ({words.age})</span>}
      {words.warning !== null && (
        <span className="danger-text" role="status" data-testid="heart-rate-stale">
          {' '}
          {words.warning}
        </span>
      )}
    </>
  );
}

function PressureWords({ pressure, now }: { pressure: SceneView['pressure']; now: number }) {
  const words = pressureWords(pressure, now);
  return (
    <>
      {words.value}
      {words.age !== null && <span className="muted"> ({words.age})</span>}
      {words.warning !== null && (
        <span className="danger-text" role="status" data-testid="console-pressure-stale">
          {' '}
          {words.warning}
        </span>
      )}
    </>
  );
}
