import { useState, type SyntheticEvent } from 'react';
import type { Role } from '../../core';
import type { CreatedNegotiation } from '../../protocol/negotiation';
import { navigate } from '../app/use-route';
import { InvitationCard } from './InvitationCard';
import { createNegotiation } from './negotiation-api';
import { ROLE_CHOICES } from './role-words';
import { saveTalk } from './talk-credentials';
import {
  checkTalkForm,
  MESSAGE_MAX,
  NAME_MAX,
  serverFormErrors,
  type TalkFormErrors,
} from './talk-form';
import './talk.css';

/** Route #/talk: raising the subject. Writes the invitation, then shows it to pass on. */
export function TalkNewPage() {
  const [created, setCreated] = useState<{ value: CreatedNegotiation; at: number } | null>(null);
  return (
    <main className="page stack talk">
      <h1>Talk first</h1>
      {created === null ? (
        <TalkForm
          onCreated={(value) => {
            setCreated({ value, at: Date.now() });
          }}
        />
      ) : (
        <>
          <p className="notice notice-ok" role="status">
            Your invitation is ready. Nothing has been sent: pass it on yourself when it suits you
            both.
          </p>
          <InvitationCard invitation={created.value.invitation} now={created.at} />
          <section className="card stack">
            <p>
              While you wait, you can already give your own answers. Your partner will not see them.
            </p>
            <button
              type="button"
              className="btn btn-primary btn-large"
              data-testid="talk-continue"
              onClick={() => {
                navigate({ name: 'talk', negotiationId: created.value.negotiationId });
              }}
            >
              Continue to your answers
            </button>
          </section>
        </>
      )}
    </main>
  );
}

function TalkForm({ onCreated }: { onCreated: (created: CreatedNegotiation) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<TalkFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkTalkForm({ name, role, message });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    const result = await createNegotiation(checked.body);
    setBusy(false);
    if (!result.ok) {
      const split = serverFormErrors(result.error.message);
      setErrors(split.fields);
      setFailure(split.rest);
      return;
    }
    const { negotiationId, secret } = result.value;
    saveTalk(negotiationId, { secret, role: checked.body.role, name: checked.body.name });
    onCreated(result.value);
  };

  return (
    <>
      <p className="talk-lede">
        Before any scene, you and your partner each say privately what you would welcome. You invite
        your partner; each of you answers on your own device; Redline then shows you both only what
        you both welcome — never anyone’s no. Then you write the agreement together and both sign
        it.
      </p>
      <form className="card stack" noValidate onSubmit={(event) => void submit(event)}>
        <label className="field">
          Your name
          <input
            data-testid="talk-name"
            value={name}
            maxLength={NAME_MAX}
            autoComplete="nickname"
            aria-invalid={errors.name !== undefined}
            aria-describedby={errors.name === undefined ? undefined : 'talk-name-error'}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
          <span className="muted talk-hint">As your partner knows you. Shown to them.</span>
          {errors.name !== undefined && (
            <span id="talk-name-error" className="talk-error">
              {errors.name}
            </span>
          )}
        </label>

        <fieldset className="talk-fieldset" aria-describedby="talk-role-hint">
          <legend>The role you would like to take</legend>
          <p id="talk-role-hint" className="muted talk-hint">
            Anyone can take either role, whatever their gender. Your partner is invited to the other
            one.
          </p>
          <div className="talk-role-choices">
            {ROLE_CHOICES.map((choice) => (
              <label key={choice.role} className="talk-role-choice">
                <input
                  type="radio"
                  name="talk-role"
                  value={choice.role}
                  data-testid={`talk-role-${choice.role}`}
                  checked={role === choice.role}
                  onChange={() => {
                    setRole(choice.role);
                  }}
                />
                <span>
                  <strong>{choice.title}</strong>
                  <span className="talk-hint"> — the one who {choice.description}.</span>
                </span>
              </label>
            ))}
          </div>
          {errors.role !== undefined && <p className="talk-error">{errors.role}</p>}
        </fieldset>

        <label className="field">
          A message for your partner (optional)
          <textarea
            data-testid="talk-message"
            value={message}
            rows={3}
            maxLength={MESSAGE_MAX}
            aria-invalid={errors.message !== undefined}
            aria-describedby="talk-message-hint"
            onChange={(e) => {
              setMessage(e.target.value);
            }}
          />
          <span id="talk-message-hint" className="muted talk-hint">
            Shown with the invitation. Keep it simple, for example: “I read about this and would
            like to talk about it with you. No pressure.” {message.length}/{MESSAGE_MAX}
          </span>
          {errors.message !== undefined && <span className="talk-error">{errors.message}</span>}
        </label>

        {failure !== null && (
          <p className="notice notice-danger" role="alert">
            {failure}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-large"
          data-testid="talk-create"
          disabled={busy}
        >
          {busy ? 'Creating…' : 'Create the invitation'}
        </button>
      </form>
      <p className="muted">
        New to this? <a href="#/guide/bring-it-up">How to bring it up</a> ·{' '}
        <a href="#/guide">The guide</a>
      </p>
    </>
  );
}
