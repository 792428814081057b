import { useRef, useState } from 'react';
import type { Invitation } from '../../protocol/negotiation';
import { QrCode } from '../console/QrCode';
import { copyText } from './copy-text';
import { expiryWords } from './invitation-words';

/** The link, code and QR code for the partner, with how long it works and what it opens. */
export function InvitationCard({ invitation, now }: { invitation: Invitation; now: number }) {
  const urlRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  const copy = async () => {
    const ok = await copyText(invitation.url, urlRef.current);
    setCopied(ok ? 'yes' : 'select');
  };

  return (
    <section className="card stack talk-invitation" aria-labelledby="talk-invitation-title">
      <h2 id="talk-invitation-title">Your invitation</h2>
      <p>
        Send this link to your partner in a way only they will see, or let them scan the QR code.
      </p>
      <p className="talk-url">
        <code ref={urlRef} data-testid="talk-invitation-url">
          {invitation.url}
        </code>
      </p>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={() => void copy()}>
          Copy link
        </button>
        <span role="status" className="muted">
          {copied === 'yes' && 'Link copied.'}
          {copied === 'select' && 'The link is selected: copy it with your device’s copy command.'}
        </span>
      </div>
      <p>
        Or they can open Redline, and on its start page type the code{' '}
        <strong className="talk-code" data-testid="talk-invitation-code">
          {invitation.code}
        </strong>{' '}
        under “Talk first”.
      </p>
      <div className="talk-qr" data-testid="talk-invitation-qr">
        <QrCode text={invitation.url} label="QR code of the invitation link" />
      </div>
      <p className="muted">
        {expiryWords(invitation.expiresAt, now)} Until{' '}
        {new Date(invitation.expiresAt).toLocaleString(undefined, {
          dateStyle: 'medium',
          timeStyle: 'short',
        })}
        . It works once: accepting or declining spends it.
      </p>
      <p className="notice talk-note">
        The link opens only a short introduction: your name, the roles you proposed and your
        message. Your partner can take their time, and can decline privately — you would see only
        “declined”, with no reason.
      </p>
    </section>
  );
}
