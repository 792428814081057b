import type { Connection } from '../net/connection';
import type { SceneView } from '../../protocol/view';
import { DeviceTests } from './DeviceTests';
import { checklistLabel, testStopWords } from './setup-words';

/**
 * Before the start: the devices, the safety checklist, the panel's test stop, and what is still
 * missing. Start stays disabled until the server says nothing is missing.
 */
export function SetupSection({
  view,
  connection,
  who,
}: {
  view: SceneView;
  connection: Connection | null;
  /** 'pair': the dominant's console; 'solo': the person alone. */
  who: 'pair' | 'solo';
}) {
  const { setup } = view;
  const test = testStopWords(setup.testStop, who);
  const ready = setup.missing.length === 0;
  return (
    <section className="stack" aria-labelledby="setup-title">
      <h2 id="setup-title">Set up</h2>
      <div className="card stack">
        <h3>Devices</h3>
        <ul className="plain stack">
          {view.devices.map((device) => (
            <li key={device.id}>
              <strong>{device.name}</strong>{' '}
              <span className="muted">({device.features.map((f) => f.kind).join(', ')})</span>
              <p className="muted">
                A short pulse, at most 10 % for one second: check that it responds and sits
                comfortably.
              </p>
              <DeviceTests device={device} view={view} connection={connection} />
            </li>
          ))}
        </ul>
        <p
          className={test.ok ? 'notice notice-ok' : 'notice notice-warning'}
          data-testid="setup-test-stop"
        >
          {test.words}
        </p>
      </div>
      <fieldset className="card stack checklist">
        <legend>Safety checklist</legend>
        {setup.checklist.map((item) => {
          const { label, hint } = checklistLabel(item);
          return (
            <label key={item} className="check-row">
              <input
                type="checkbox"
                className="big-check"
                data-testid={`setup-check-${item}`}
                checked={setup.checked.includes(item)}
                onChange={(event) => {
                  connection?.send({ type: 'setup.check', item, done: event.target.checked });
                }}
              />
              <span>
                {label}
                <span className="muted check-hint">{hint}</span>
              </span>
            </label>
          );
        })}
        <p className="muted">
          Redline&apos;s stop travels over Wi-Fi and Bluetooth. Keep physical means at hand too: the
          toy&apos;s own button, removing it, and the restraint release.
        </p>
      </fieldset>
      <div aria-live="polite">
        {ready ? (
          <p className="notice notice-ok">Everything is ready.</p>
        ) : (
          <div className="notice notice-warning" data-testid="setup-missing">
            <p>Before starting:</p>
            <ul>
              {setup.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <button
        type="button"
        className="btn btn-primary btn-large"
        data-testid="console-start"
        disabled={!ready || connection === null}
        onClick={() => {
          connection?.send({ type: 'start' });
        }}
      >
        Start the scene (warm-up)
      </button>
    </section>
  );
}
