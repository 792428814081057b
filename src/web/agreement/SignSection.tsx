import { useState } from 'react';
import type { DraftView, ParticipantView } from '../../protocol/negotiation';
import { signDraft } from '../talk/negotiation-api';
import { asSentence } from '../words/format';
import { describeAgreement, formatWhen, shortHash, type Labels } from './agreement-words';

/** Who signed this draft, by name and time. */
export function Signatures({ draft, main = false }: { draft: DraftView; main?: boolean }) {
  return (
    <div data-testid={main ? 'agreement-signatures' : undefined}>
      {draft.signatures.length === 0 ? (
        <p className="muted">Nobody has signed this draft yet.</p>
      ) : (
        <ul>
          {draft.signatures.map((s) => (
            <li key={s.role}>
              Signed by {s.name} ({s.role}) on {formatWhen(s.at)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Signing: the whole draft in plain words right above the button, and the hash signed is the
 * one shown (a draft changed meanwhile is refused by the server as stale). The receiver signs
 * only after rehearsing this exact draft.
 */
export function SignSection({
  view,
  draft,
  secret,
  labels,
  rehearsed,
  onSigned,
}: {
  view: ParticipantView;
  draft: DraftView;
  secret: string;
  labels: Labels;
  rehearsed: boolean;
  onSigned: (view: ParticipantView) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = draft.signatures.some((s) => s.role === view.you.role);
  const needsRehearsal = view.you.role === 'submissive' && !rehearsed;
  const sign = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await signDraft(view.negotiationId, secret, draft.agreementHash);
    setBusy(false);
    if (result.ok) onSigned(result.value);
    else setError(asSentence(result.error.message));
  };
  return (
    <section className="card stack" aria-labelledby="sign-title">
      <h2 id="sign-title">Sign this agreement</h2>
      <p>
        By signing you agree to everything below, for scenes you start with this agreement. You can
        still stop any scene at any moment, and withdraw your consent at any time.
      </p>
      <div className="summary stack">
        {describeAgreement(draft.agreement, labels).map((group) => (
          <div key={group.id}>
            <h3>{group.title}</h3>
            <ul>
              {group.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p className="muted">
        Draft version {draft.version}, fingerprint <code>{shortHash(draft.agreementHash)}</code>.
      </p>
      <Signatures draft={draft} />
      {needsRehearsal && (
        <p className="notice notice-warning" id="sign-why">
          Before you sign, rehearse the signals of this exact draft above: you will rely on them
          when you cannot speak.
        </p>
      )}
      {error !== null && (
        <p className="notice notice-danger" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="btn btn-primary btn-large"
        data-testid="agreement-sign"
        disabled={busy || mine || needsRehearsal}
        aria-describedby={needsRehearsal ? 'sign-why' : undefined}
        onClick={() => void sign()}
      >
        {mine ? 'You signed this draft' : busy ? 'Signing…' : 'Sign this agreement'}
      </button>
    </section>
  );
}
