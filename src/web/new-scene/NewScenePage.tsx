import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { createScene, type SetupInfo } from '../net/api';
import { roleTitle } from '../talk/role-words';
import { listTalks } from '../talk/talk-credentials';
import { AgreementSummary } from './AgreementSummary';
import { DevicePicker } from './DevicePicker';
import { checkNewScene, type FormErrors, type FormField } from './new-scene-form';
import { openCreatedScene } from './open-created-scene';
import { useSetupInfo } from './use-setup-info';
import '../console/console.css';

/**
 * Route #/new: a scene with a partner — which starts from the agreement both signed, on its
 * agreement page — or alone, with the cautious template, the toys and what sensors may do.
 */
export function NewScenePage() {
  const [mode, setMode] = useState<'pair' | 'solo'>('pair');
  return (
    <main className="page stack">
      <h1>Start a scene</h1>
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
                  ? 'From the agreement you both signed: one of you runs the console, the receiver holds the panel on their own phone.'
                  : 'One screen: your panel, with an agreed plan setting the levels.'}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'pair' ? <PairNeedsAgreement /> : <SoloSetup />}
    </main>
  );
}

/** A scene for two is started from a signed agreement: where to find one, or how to write one. */
function PairNeedsAgreement() {
  const [talks] = useState(listTalks);
  return (
    <section className="card stack" data-testid="new-scene-needs-agreement">
      <h2>Start from your signed agreement</h2>
      <p>
        A scene for two runs under an agreement you both signed, and only that one. The partner who
        runs the console starts it from the agreement’s page; the receiver then joins with the code
        the console shows.
      </p>
      {talks.length === 0 ? (
        <p className="muted">This device holds no conversation yet.</p>
      ) : (
        <ul className="plain stack" aria-label="Your conversations on this device">
          {talks.map((talk) => (
            <li key={talk.negotiationId}>
              <a
                className="btn"
                href={`#/talk/${encodeURIComponent(talk.negotiationId)}/agreement`}
                data-testid={`new-scene-talk-${talk.negotiationId}`}
              >
                The agreement of {talk.name}, as the {roleTitle(talk.role)}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a className="btn btn-primary" href="#/talk" data-testid="new-scene-talk-first">
          Talk first: invite your partner
        </a>
      </p>
    </section>
  );
}

function SoloSetup() {
  const { state, reload } = useSetupInfo();
  if (state.status === 'loading')
    return <p className="muted">Asking the Redline server what is connected…</p>;
  if (state.status === 'failed')
    return (
      <div className="notice notice-danger stack" role="alert">
        <p>{state.error.message}</p>
        <button type="button" className="btn" onClick={reload}>
          Try again
        </button>
      </div>
    );
  return <SoloForm setup={state.setup} />;
}

function SoloForm({ setup }: { setup: SetupInfo }) {
  const [name, setName] = useState('');
  const [deviceIds, setDeviceIds] = useState<readonly string[]>(() =>
    setup.devices.map((d) => d.id),
  );
  const [sensorStarts, setSensorStarts] = useState(false);
  const [distress, setDistress] = useState({ on: false, bpm: '150', seconds: '20' });
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkNewScene({ name, deviceIds, sensorStarts, distress }, setup.devices);
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
    openCreatedScene(result.value, 'solo');
  };

  const fieldError = (id: FormField) =>
    errors[id] === undefined ? null : (
      <span id={`new-scene-${id}-error`} className="notice notice-danger">
        {errors[id]}
      </span>
    );
  const described = (id: FormField) => ({
    'aria-invalid': errors[id] !== undefined,
    'aria-describedby': errors[id] === undefined ? undefined : `new-scene-${id}-error`,
  });
  const number = (id: 'bpm' | 'seconds', label: ReactNode, min: number, max: number) => (
    <label className="field">
      {label}
      <input
        inputMode="numeric"
        data-testid={`new-scene-${id}`}
        value={distress[id]}
        min={min}
        max={max}
        {...described(id)}
        onChange={(event) => {
          setDistress({ ...distress, [id]: event.target.value });
        }}
      />
      {fieldError(id)}
    </label>
  );

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <div className="card stack">
        <label className="field">
          Your name
          <input
            data-testid="new-scene-submissiveName"
            value={name}
            maxLength={80}
            autoComplete="off"
            {...described('name')}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
          {fieldError('name')}
        </label>
      </div>
      <DevicePicker
        setup={setup}
        chosen={deviceIds}
        onChange={setDeviceIds}
        error={errors.devices}
      />
      <fieldset className="card stack">
        <legend>Sensors (optional)</legend>
        <label className="check-row">
          <input
            type="checkbox"
            className="big-check"
            data-testid="new-scene-sensor-starts"
            checked={sensorStarts}
            onChange={(event) => {
              setSensorStarts(event.target.checked);
            }}
          />
          <span>
            A detected orgasm starts the post-orgasm phase by itself
            <span className="muted check-hint">
              Only with a toy that senses pressure. Otherwise Redline asks you to confirm, and you
              can always mark it yourself.
            </span>
          </span>
        </label>
        <label className="check-row">
          <input
            type="checkbox"
            className="big-check"
            data-testid="new-scene-distress"
            checked={distress.on}
            onChange={(event) => {
              setDistress({ ...distress, on: event.target.checked });
            }}
          />
          <span>
            Stop everything if my heart rate stays too high
            <span className="muted check-hint">
              With a heart-rate strap connected on this screen. <a href="#/guide/distress">Why?</a>
            </span>
          </span>
        </label>
        {distress.on && (
          <div className="row">
            {number('bpm', 'Above (beats per minute)', 80, 220)}
            {number('seconds', 'For at least (seconds)', 5, 300)}
          </div>
        )}
      </fieldset>
      <AgreementSummary agreement={setup.templates.solo} />
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
        {busy ? 'Creating the scene…' : 'Create the solo scene'}
      </button>
    </form>
  );
}
