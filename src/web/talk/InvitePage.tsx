import { useEffect, useState, type SyntheticEvent } from 'react';
import type { Introduction } from '../../protocol/negotiation';
import type { ApiError } from '../net/api';
import { navigate } from '../app/use-route';
import { asSentence, invitationFailureHint } from './invitation-words';
import { acceptInvitation, declineInvitation, readInvitation } from './negotiation-api';
import { roleDescription, roleTitle } from './role-words';
import { saveTalk } from './talk-credentials';
import { NAME_MAX } from './talk-form';
import './talk.css';

type State =
  | { step: 'loading' }
  | { step: 'failed'; error: ApiError }
  | { step: 'ready'; intro: Introduction }
  | { step: 'confirm-decline'; intro: Introduction }
  | { step: 'declined' };

/** Route #/invite/CODE: the introduction an invited partner reads, then accept or decline. */
export function InvitePage({ code }: { code: string }) {
  const [state, setState] = useState<State>({ step: 'loading' });

  useEffect(() => {
    let alive = true;
    void readInvitation(code).then((result) => {
      if (alive)
        setState(
          result.ok
            ? { step: 'ready', intro: result.value }
            : { step: 'failed', error: result.error },
        );
    });
    return () => {
      alive = false;
    };
  }, [code]);

  return (
    <main className="page stack talk">
      <h1>{state.step === 'declined' ? 'Declined' : 'An invitation to talk'}</h1>
      {state.step === 'loading' && <p className="muted">Opening the invitation…</p>}
      {state.step === 'failed' && <InviteFailure error={state.error} />}
      {state.step === 'ready' && (
        <InviteIntro
          code={code}
          intro={state.intro}
          onDecline={() => {
            setState({ step: 'confirm-decline', intro: state.intro });
          }}
          onFailed={(error) => {
            setState({ step: 'failed', error });
          }}
        />
      )}
      {state.step === 'confirm-decline' && (
        <ConfirmDecline
          code={code}
          intro={state.intro}
          onBack={() => {
            setState({ step: 'ready', intro: state.intro });
          }}
          onDeclined={() => {
            setState({ step: 'declined' });
          }}
          onFailed={(error) => {
            setState({ step: 'failed', error });
          }}
        />
      )}
      {state.step === 'declined' && <Declined />}
    </main>
  );
}

function InviteFailure({ error }: { error: ApiError }) {
  return (
    <>
      <div className="notice notice-warning stack" role="alert">
        <p>
          <strong>This invitation cannot be opened.</strong>
        </p>
        <p>{asSentence(error.message)}</p>
        <p>{invitationFailureHint(error.status)}</p>
      </div>
      <p className="row">
        <a className="btn" href="#/guide/what-it-is">
          Read about it first
        </a>
        <a className="btn" href="#/">
          Home
        </a>
      </p>
    </>
  );
}

function InviteIntro({
  code,
  intro,
  onDecline,
  onFailed,
}: {
  code: string;
  intro: Introduction;
  onDecline: () => void;
  onFailed: (error: ApiError) => void;
}) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inviter = intro.initiator.name;

  const accept = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > NAME_MAX) {
      setNameError(
        trimmed === ''
          ? 'Write the name your partner knows you by.'
          : `At most ${NAME_MAX} characters.`,
      );
      return;
    }
    setNameError(null);
    setBusy(true);
    const result = await acceptInvitation(code, trimmed);
    setBusy(false);
    if (!result.ok) {
      // A wrong name stays on this screen, by its field; anything else means the code failed.
      if (result.error.status === 400 && result.error.message.startsWith('name'))
        setNameError(result.error.message.replace(/^name: /, ''));
      else onFailed(result.error);
      return;
    }
    const { negotiationId, role, secret } = result.value;
    saveTalk(negotiationId, { secret, role, name: trimmed });
    navigate({ name: 'talk', negotiationId });
  };

  return (
    <>
      <section className="card stack" aria-labelledby="invite-who">
        <h2 id="invite-who">{inviter} would like to talk with you</h2>
        <p>
          {inviter} proposes to be the <strong>{roleTitle(intro.initiator.role)}</strong> (the one
          who {roleDescription(intro.initiator.role)}), and invites you to be the{' '}
          <strong>{roleTitle(intro.you.role)}</strong> (the one who{' '}
          {roleDescription(intro.you.role)}
          ).
        </p>
        {intro.message !== null && (
          <figure className="talk-message">
            <blockquote>{intro.message}</blockquote>
            <figcaption className="muted">— {inviter}</figcaption>
          </figure>
        )}
      </section>

      <section className="stack" aria-labelledby="invite-what">
        <h2 id="invite-what">What this is</h2>
        <p>
          Redline is an app for consenting adults who practise post-orgasm play: a BDSM practice in
          which stimulation continues for a while after orgasm, inside limits both partners agreed
          beforehand. It helps you talk first, agree on limits and a safeword, and stop at once when
          either of you wants to.
        </p>
        <p>
          <a href="#/guide/what-it-is">What post-orgasm play is</a> ·{' '}
          <a href="#/guide/bring-it-up">Talking about it</a>
        </p>
      </section>

      <section className="card stack" aria-labelledby="invite-private">
        <h2 id="invite-private">Your answers stay private</h2>
        <ul className="talk-list">
          <li>
            If you join, you each rate a list of activities on your own device: yes, maybe or no.
          </li>
          <li>
            Your no’s and anything only one of you wants are never shown to {inviter}. Redline shows
            you both only what you both welcome.
          </li>
          <li>Nothing happens without an agreement you both write and sign.</li>
          <li>
            There is no hurry: you can take your time, or decline. Declining tells {inviter} only
            “declined” — no reason, nothing else.
          </li>
        </ul>
      </section>

      <form className="card stack" noValidate onSubmit={(event) => void accept(event)}>
        <label className="field">
          Your name
          <input
            data-testid="invite-name"
            value={name}
            maxLength={NAME_MAX}
            autoComplete="nickname"
            aria-invalid={nameError !== null}
            aria-describedby={nameError === null ? undefined : 'invite-name-error'}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
          <span className="muted talk-hint">
            As {inviter} knows you. Shown to them if you join.
          </span>
          {nameError !== null && (
            <span id="invite-name-error" className="talk-error">
              {nameError}
            </span>
          )}
        </label>
        <button
          type="submit"
          className="btn btn-primary btn-large"
          data-testid="invite-accept"
          disabled={busy}
        >
          {busy ? 'Joining…' : 'Join the conversation'}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          data-testid="invite-decline"
          disabled={busy}
          onClick={onDecline}
        >
          Decline
        </button>
      </form>
    </>
  );
}

function ConfirmDecline({
  code,
  intro,
  onBack,
  onDeclined,
  onFailed,
}: {
  code: string;
  intro: Introduction;
  onBack: () => void;
  onDeclined: () => void;
  onFailed: (error: ApiError) => void;
}) {
  const [busy, setBusy] = useState(false);
  const decline = async () => {
    setBusy(true);
    const result = await declineInvitation(code);
    setBusy(false);
    if (result.ok) onDeclined();
    else onFailed(result.error);
  };
  return (
    <section className="card stack" aria-labelledby="invite-decline-title">
      <h2 id="invite-decline-title">Decline the invitation?</h2>
      <p>
        {intro.initiator.name} will see only that the invitation was declined: no reason, nothing
        else. The invitation then stops working; if you change your mind later, they can send a new
        one.
      </p>
      <button
        type="button"
        className="btn btn-large"
        data-testid="invite-decline-confirm"
        disabled={busy}
        onClick={() => void decline()}
      >
        {busy ? 'Declining…' : 'Yes, decline'}
      </button>
      <button type="button" className="btn btn-quiet" disabled={busy} onClick={onBack}>
        Go back
      </button>
    </section>
  );
}

function Declined() {
  return (
    <section className="card stack" role="status" data-testid="invite-declined">
      <p>You declined the invitation. That is completely fine.</p>
      <p>
        Nothing else was shared: the other person sees only “declined”. Nothing of yours was kept on
        this device.
      </p>
      <p className="row">
        <a className="btn" href="#/">
          Home
        </a>
        <a className="btn btn-quiet" href="#/guide">
          The guide
        </a>
      </p>
    </section>
  );
}
