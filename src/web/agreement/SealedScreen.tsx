import { useEffect, useState } from 'react';
import type { SealedAgreement } from '../../protocol/negotiation';
import { routeHash } from '../app/route';
import type { ApiError } from '../net/api';
import { readNegotiation, readSealed } from '../talk/negotiation-api';
import { loadTalk } from '../talk/talk-credentials';
import { asSentence } from '../words/format';
import {
  describeAgreement,
  exportName,
  formatWhen,
  hashFromRoute,
  sealedText,
  stateWords,
  type Labels,
} from './agreement-words';
import './agreement.css';
import { offerDownload } from '../app/download';

type Sealed = SealedAgreement & { yourSignatureVerifies: boolean };
type State =
  | { status: 'no-secret' }
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; sealed: Sealed; labels: Labels };

/** One signed agreement in full, in plain words, to read, print and keep. */
export function SealedScreen({
  negotiationId,
  agreementHash,
}: {
  negotiationId: string;
  agreementHash: string;
}) {
  const [credentials] = useState(() => loadTalk(negotiationId));
  const [state, setState] = useState<State>(
    credentials === null ? { status: 'no-secret' } : { status: 'loading' },
  );
  useEffect(() => {
    if (credentials === null) return;
    let live = true;
    void Promise.all([
      readSealed(hashFromRoute(agreementHash), credentials.secret),
      readNegotiation(negotiationId, credentials.secret),
    ]).then(([sealed, view]) => {
      if (!live) return;
      if (!sealed.ok) {
        setState({ status: 'failed', error: sealed.error });
        return;
      }
      const labels: Labels = view.ok
        ? Object.fromEntries(view.value.catalogue.items.map((i) => [i.id, i.label]))
        : {};
      setState({ status: 'ready', sealed: sealed.value, labels });
    });
    return () => {
      live = false;
    };
  }, [credentials, negotiationId, agreementHash]);

  return (
    <main className="page stack agreement-page sealed-page">
      <p className="no-print">
        <a className="back-link" href={routeHash({ name: 'agreement', negotiationId })}>
          ← Back to the agreement
        </a>
      </p>
      <h1>Signed agreement</h1>
      {state.status === 'no-secret' && (
        <p className="notice notice-warning" role="alert">
          This browser does not hold your key for this conversation, so it cannot show the
          agreement. Open it on the device where you sent or accepted the invitation.
        </p>
      )}
      {state.status === 'loading' && <p className="muted">Loading the signed agreement…</p>}
      {state.status === 'failed' && (
        <p className="notice notice-danger" role="alert">
          {asSentence(state.error.message)}
        </p>
      )}
      {state.status === 'ready' && <SealedView sealed={state.sealed} labels={state.labels} />}
    </main>
  );
}

function SealedView({ sealed, labels }: { sealed: Sealed; labels: Labels }) {
  const a = sealed.agreement;
  const nameOf = (role: string | null) => a.participants.find((p) => p.role === role)?.name ?? role;
  return (
    <>
      <section className="card stack sealed-head">
        <p data-testid="sealed-state">
          <strong>
            {stateWords(sealed.state, nameOf(sealed.withdrawnBy), sealed.withdrawnAt)}
          </strong>
          {sealed.state === 'in-force'
            ? ' — it can start a scene until either of you withdraws or a newer one replaces it.'
            : ' — it can no longer start a scene.'}
        </p>
        <p>Signed by both on {formatWhen(sealed.sealedAt)}.</p>
        <p className="hash">
          Fingerprint (SHA-256): <code>{sealed.agreementHash}</code>
        </p>
        <div className="row no-print">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="sealed-print"
            onClick={() => {
              window.print();
            }}
          >
            Print
          </button>
          <button
            type="button"
            className="btn"
            data-testid="sealed-export-json"
            onClick={() => {
              offerDownload(
                exportName(sealed.agreementHash, 'json'),
                'application/json',
                `${JSON.stringify(sealed, null, 2)}\n`,
              );
            }}
          >
            Export as JSON
          </button>
          <button
            type="button"
            className="btn"
            data-testid="sealed-export-text"
            onClick={() => {
              offerDownload(
                exportName(sealed.agreementHash, 'txt'),
                'text/plain;charset=utf-8',
                sealedText(sealed, labels),
              );
            }}
          >
            Export as text
          </button>
        </div>
      </section>
      {describeAgreement(a, labels).map((group) => (
        <section key={group.id} className="card stack sealed-group">
          <h2>{group.title}</h2>
          <ul>
            {group.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
      <section className="card stack sealed-group" aria-labelledby="signatures-title">
        <h2 id="signatures-title">Signatures</h2>
        <ul>
          {sealed.signatures.map((s) => (
            <li key={s.role}>
              {s.name} ({s.role}) signed on {formatWhen(s.at)}
            </li>
          ))}
        </ul>
        <p data-testid="sealed-verifies">
          {sealed.yourSignatureVerifies
            ? 'Your signature checks out: it was made for exactly this agreement.'
            : 'Your signature does not check out for this agreement. Do not rely on it; talk it through and sign a new one.'}
        </p>
      </section>
    </>
  );
}
