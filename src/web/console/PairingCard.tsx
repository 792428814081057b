import { useState } from 'react';
import { newPairing, type Pairing } from '../net/api';
import { loadCredentials } from '../net/credentials';
import { formatClock } from '../words/format';
import { capitalize } from '../words/names';
import { loadPairing, savePairing } from './pairing-store';
import { QrCode } from './QrCode';
import { useTick } from './use-scene-now';

/** Until the receiver's panel joins: the link as a QR code, the short code, and a fresh one. */
export function PairingCard({ sceneId, receiver }: { sceneId: string; receiver: string }) {
  const [pairing, setPairing] = useState<Pairing | null>(() => loadPairing(sceneId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useTick(1000);
  const left = pairing === null ? 0 : pairing.expiresAt - Date.now();
  const valid = pairing !== null && left > 0;

  const fresh = async () => {
    const secret = loadCredentials(sceneId)?.secret;
    if (secret === undefined) {
      setError(
        'This browser does not hold the secret for this scene, so it cannot ask for a code.',
      );
      return;
    }
    setBusy(true);
    setError(null);
    const result = await newPairing(sceneId, secret);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    savePairing(sceneId, result.value);
    setPairing(result.value);
  };

  return (
    <section className="card stack pairing-card" aria-labelledby="pairing-title">
      <h2 id="pairing-title">Connect {receiver}&apos;s panel</h2>
      <p>
        {capitalize(receiver)} opens the panel on their own phone: scan this code with its camera,
        or open Redline there and type the short code. Nothing can start until the panel is
        connected and has proved it can stop the toys.
      </p>
      {valid ? (
        <div className="pairing-body">
          <QrCode text={pairing.panelUrl} label={`QR code for the panel link`} />
          <div className="stack">
            <p className="muted">Short code</p>
            <p
              className="pairing-code"
              data-testid="console-pairing-code"
              aria-label={`Code ${pairing.code.split('').join(' ')}`}
            >
              {pairing.code}
            </p>
            <p className="muted" data-testid="console-pairing-expiry">
              Valid for {formatClock(left)}, once.
            </p>
          </div>
        </div>
      ) : (
        <p className="notice notice-warning">
          {pairing === null ? 'No pairing code on this screen.' : 'This code has expired.'} Get a
          fresh one below.
        </p>
      )}
      <button
        type="button"
        className={valid ? 'btn' : 'btn btn-primary'}
        data-testid="console-pairing-fresh"
        disabled={busy}
        onClick={() => void fresh()}
      >
        {busy ? 'Asking for a code…' : 'Get a fresh code'}
      </button>
      {error !== null && (
        <p className="notice notice-danger" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
