import { useEffect, useState } from 'react';
import type { Agreement } from '../../core/agreement/agreement';
import { agreementCovers } from '../../core/agreement/coverage';
import type { ParticipantView } from '../../protocol/negotiation';
import { createSceneFromAgreement, type SetupInfo } from '../net/api';
import { DevicePicker } from '../new-scene/DevicePicker';
import { openCreatedScene } from '../new-scene/open-created-scene';
import type { SetupState } from '../new-scene/use-setup-info';
import { readSealed } from '../talk/negotiation-api';
import { asSentence } from '../words/format';

/**
 * Starting a scene with the agreement in force: the dominant picks the toys, the server checks
 * the agreement is in force and covers them, and the console opens like any new scene. The
 * receiver is told how they join.
 */
export function StartScene({
  view,
  secret,
  agreementHash,
  setup,
  reloadSetup,
}: {
  view: ParticipantView;
  secret: string;
  agreementHash: string;
  setup: SetupState;
  reloadSetup: () => void;
}) {
  if (view.you.role === 'submissive')
    return (
      <section className="card stack" aria-labelledby="start-title">
        <h2 id="start-title">Starting a scene</h2>
        <p>
          {view.partner.name ?? 'Your partner'} starts the scene from their console with this
          agreement. Their console then shows a code: open Redline on your phone, type the code
          under “Join as the receiver's panel” on the start page (or scan its QR code). The panel is
          your voice when you cannot speak.
        </p>
      </section>
    );
  return (
    <section className="card stack" aria-labelledby="start-title">
      <h2 id="start-title">Start a scene with this agreement</h2>
      {setup.status === 'loading' && (
        <p className="muted">Asking the Redline server what is connected…</p>
      )}
      {setup.status === 'failed' && (
        <div className="notice notice-danger stack" role="alert">
          <p>{setup.error.message}</p>
          <button type="button" className="btn" onClick={reloadSetup}>
            Try again
          </button>
        </div>
      )}
      {setup.status === 'ready' && (
        <StartForm view={view} secret={secret} agreementHash={agreementHash} setup={setup.setup} />
      )}
    </section>
  );
}

function StartForm({
  view,
  secret,
  agreementHash,
  setup,
}: {
  view: ParticipantView;
  secret: string;
  agreementHash: string;
  setup: SetupInfo;
}) {
  const [chosen, setChosen] = useState<readonly string[]>(() => setup.devices.map((d) => d.id));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const known =
    view.draft?.agreementHash === agreementHash ? view.draft.agreement : (null as Agreement | null);
  const [agreement, setAgreement] = useState<Agreement | null>(known);

  useEffect(() => {
    if (agreement !== null) return;
    let live = true;
    void readSealed(agreementHash, secret).then((result) => {
      if (live && result.ok) setAgreement(result.value.agreement);
    });
    return () => {
      live = false;
    };
  }, [agreement, agreementHash, secret]);

  // Tick only the toys the agreement covers, once it is known.
  useEffect(() => {
    if (agreement === null) return;
    setChosen(
      setup.devices.filter((d) => agreementCovers(agreement, [d]).length === 0).map((d) => d.id),
    );
  }, [agreement, setup.devices]);

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await createSceneFromAgreement(
      { agreement: { negotiationId: view.negotiationId, agreementHash }, devices: chosen },
      secret,
    );
    setBusy(false);
    if (!result.ok) {
      setError(asSentence(result.error.message));
      return;
    }
    openCreatedScene(result.value, 'pair');
  };

  return (
    <div className="stack">
      <p className="muted">
        Choose the toys for this scene. Only toys the agreement covers can be used; the console then
        shows a code for the receiver’s panel.
      </p>
      <DevicePicker setup={setup} chosen={chosen} onChange={setChosen} error={undefined} />
      {error !== null && (
        <p className="notice notice-danger" role="alert" data-testid="start-scene-error">
          {error}
        </p>
      )}
      <button
        type="button"
        className="btn btn-primary btn-large"
        data-testid="start-scene"
        disabled={busy}
        onClick={() => void start()}
      >
        {busy ? 'Creating the scene…' : 'Start a scene with this agreement'}
      </button>
    </div>
  );
}
