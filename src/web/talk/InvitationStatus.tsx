import { useState } from 'react';
import type { Invitation, ParticipantView } from '../../protocol/negotiation';
import { InvitationCard } from './InvitationCard';
import { asSentence, expiryWords } from './invitation-words';
import { renewInvitation } from './negotiation-api';

/**
 * For whoever invited, while nobody has joined: how long the invitation still works, and a fresh
 * one (the code is shown only once, so a lost link is replaced, never shown again).
 */
export function InvitationStatus({
  view,
  secret,
  onRenewed,
}: {
  view: ParticipantView;
  secret: string;
  onRenewed: () => void;
}) {
  const [fresh, setFresh] = useState<{ invitation: Invitation; at: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (view.invitation === null || view.status !== 'invited') return null;
  const { expiresAt, open } = view.invitation;

  const renew = async () => {
    setBusy(true);
    setFailure(null);
    const result = await renewInvitation(view.negotiationId, secret);
    setBusy(false);
    if (result.ok) {
      setFresh({ invitation: result.value, at: Date.now() });
      onRenewed();
    } else setFailure(asSentence(result.error.message));
  };

  return (
    <>
      <section className="card stack" aria-labelledby="talk-invitation-state">
        <h2 id="talk-invitation-state">Your invitation</h2>
        <p data-testid="talk-invitation-expiry">
          {open && fresh === null
            ? expiryWords(expiresAt, Date.now())
            : open
              ? 'A fresh invitation is below.'
              : 'Your invitation has expired or was replaced.'}
        </p>
        <p className="muted talk-hint">
          Lost the link, or it expired? Send a fresh one: the earlier link then stops working.
        </p>
        {failure !== null && (
          <p className="notice notice-danger" role="alert">
            {failure}
          </p>
        )}
        <button
          type="button"
          className="btn"
          data-testid="talk-renew"
          disabled={busy}
          onClick={() => void renew()}
        >
          {busy ? 'Making a fresh invitation…' : 'Make a fresh invitation'}
        </button>
      </section>
      {fresh !== null && <InvitationCard invitation={fresh.invitation} now={fresh.at} />}
    </>
  );
}
