import { useState, type SyntheticEvent } from 'react';
import { savePairing } from '../console/pairing-store';
import { createScene, type SetupInfo } from '../net/api';
import { saveCredentials } from '../net/credentials';
import { AgreementSummary } from './AgreementSummary';
import { DevicePicker } from './DevicePicker';
import { checkNewScene, sceneRoute, type FormErrors } from './new-scene-form';
import { useSetupInfo } from './use-setup-info';
import '../console/console.css';

/** Route #/new: a scene with a partner or alone, who, which toys, and the agreement it runs by. */
export function NewScenePage() {
  const { state, reload } = useSetupInfo();
  return (
    <main className="page stack">
      <h1>Start a scene</h1>
      {state.status === 'loading' && (
        <p className="muted">Asking the Redline server what is connected…</p>
      )}
      {state.status === 'failed' && (
        <div className="notice notice-danger stack" role="alert">
          <p>{state.error.message}</p>
          <button type="button" className="btn" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' && <NewSceneForm setup={state.setup} />}
    </main>
  );
}

function NewSceneForm({ setup }: { setup: SetupInfo }) {
  const [mode, setMode] = useState<'pair' | 'solo'>('pair');
  const [dominantName, setDominantName] = useState('');
  const [submissiveName, setSubmissiveName] = useState('');
  const [deviceIds, setDeviceIds] = useState<readonly string[]>(() =>
    setup.devices.map((d) => d.id),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkNewScene({ mode, dominantName, submissiveName, deviceIds }, setup.devices);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    const result = await createScene(checked.body);
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error.message);
      return;
    }
    const { sceneId, role, secret, pairing } = result.value;
    saveCredentials(sceneId, { secret, role, lastSeq: 0, mode });
    if (pairing !== null) savePairing(sceneId, pairing);
    window.location.hash = sceneRoute(mode, sceneId);
  };

  const field = (
    id: 'dominantName' | 'submissiveName',
    label: string,
    value: string,
    set: (v: string) => void,
  ) => (
    <label className="field">
      {label}
      <input
        id={id}
        data-testid={`new-scene-${id}`}
        value={value}
        maxLength={80}
        autoComplete="off"
        aria-invalid={errors[id] !== undefined}
        aria-describedby={errors[id] === undefined ? undefined : `${id}-error`}
        onChange={(event) => {
          set(event.target.value);
        }}
      />
      {errors[id] !== undefined && (
        <span id={`${id}-error`} className="notice notice-danger">
          {errors[id]}
        </span>
      )}
    </label>
  );

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="card stack">
        <legend>Who is playing</legend>
        {(['pair', 'solo'] as const).map((m) => (
          <label key={m} className="check-row">
            <input
              type="radio"
              name="mode"
              className="big-check"
              value={m}
              data-testid={`new-scene-mode-${m}`}
              checked={mode === m}
              onChange={() => {
                setMode(m);
              }}
            />
            <span>
              {m === 'pair' ? 'With a partner' : 'Alone (solo)'}
              <span className="muted check-hint">
                {m === 'pair'
                  ? 'One of you runs the console; the receiver holds the panel on their own phone.'
                  : 'One screen: your panel, with an agreed plan setting the levels.'}
              </span>
            </span>
          </label>
        ))}
        {field(
          'submissiveName',
          mode === 'pair' ? "The receiver's name" : 'Your name',
          submissiveName,
          setSubmissiveName,
        )}
        {mode === 'pair' &&
          field(
            'dominantName',
            "The dominant's name (who runs the console)",
            dominantName,
            setDominantName,
          )}
      </fieldset>
      <DevicePicker
        setup={setup}
        chosen={deviceIds}
        onChange={setDeviceIds}
        error={errors.devices}
      />
      <AgreementSummary agreement={mode === 'pair' ? setup.templates.pair : setup.templates.solo} />
      {failure !== null && (
        <p className="notice notice-danger" role="alert" data-testid="new-scene-error">
          {failure}
        </p>
      )}
      <button
        type="submit"
        className="btn btn-primary btn-large"
        data-testid="new-scene-submit"
        disabled={busy}
      >
        {busy
          ? 'Creating the scene…'
          : mode === 'pair'
            ? 'Create the scene and pair the panel'
            : 'Create the solo scene'}
      </button>
    </form>
  );
}
