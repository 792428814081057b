import { useState } from 'react';
import type { ParticipantView } from '../../protocol/negotiation';
import { routeHash } from '../app/route';
import { withdrawConsent } from '../talk/negotiation-api';
import { asSentence } from '../words/format';
import { formatWhen, hashForRoute, shortHash, stateWords } from './agreement-words';

/** Every agreement this negotiation sealed, newest first, each with its printable page. */
export function AgreementsList({ view }: { view: ParticipantView }) {
  if (view.agreements.length === 0) return null;
  const nameOf = (role: string | null) =>
    role === view.you.role ? view.you.name : role === null ? null : (view.partner.name ?? role);
  return (
    <section className="card stack" aria-labelledby="sealed-title">
      <h2 id="sealed-title">Signed agreements</h2>
      <ul className="plain stack">
        {view.agreements.map((a) => (
          <li key={a.agreementHash}>
            <a
              className="btn btn-quiet sealed-link"
              href={routeHash({
                name: 'sealed',
                negotiationId: view.negotiationId,
                agreementHash: hashForRoute(a.agreementHash),
              })}
            >
              Signed {formatWhen(a.sealedAt)} ·{' '}
              {stateWords(a.state, nameOf(a.withdrawnBy), a.withdrawnAt)} ·{' '}
              <code>{shortHash(a.agreementHash)}</code>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Withdrawing consent: always offered, confirmed once, and final for the agreement in force. */
export function Withdraw({
  view,
  secret,
  onWithdrawn,
}: {
  view: ParticipantView;
  secret: string;
  onWithdrawn: (view: ParticipantView) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    const result = await withdrawConsent(view.negotiationId, secret);
    setBusy(false);
    if (!result.ok) {
      setError(asSentence(result.error.message));
      return;
    }
    setAsking(false);
    setDone(true);
    onWithdrawn(result.value);
  };
  return (
    <section className="card stack" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">Withdraw consent</h2>
      <p className="muted">
        You can withdraw at any time, for any reason, without explaining. It ends the agreement in
        force — and any scene running with it stops — and takes back your signature on a draft not
        yet signed by both.
      </p>
      {done && (
        <p className="notice-ok" role="status">
          Consent withdrawn.
        </p>
      )}
      {error !== null && (
        <p className="notice notice-danger" role="alert">
          {error}
        </p>
      )}
      {asking ? (
        <div className="notice notice-warning stack" role="group" aria-labelledby="withdraw-q">
          <p id="withdraw-q">
            Withdraw your consent now? Any scene using this agreement stops, and a new agreement
            must be signed by both before the next one.
          </p>
          <div className="row">
            <button
              type="button"
              className="btn btn-red"
              data-testid="agreement-withdraw-confirm"
              disabled={busy}
              onClick={() => void withdraw()}
            >
              {busy ? 'Withdrawing…' : 'Yes, withdraw'}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setAsking(false);
              }}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="btn"
          data-testid="agreement-withdraw"
          onClick={() => {
            setAsking(true);
          }}
        >
          Withdraw consent
        </button>
      )}
    </section>
  );
}
