import { useState } from 'react';
import { navigate } from '../app/use-route';
import { isCodeShaped, normalizeCode } from '../pair/code';
import { CodeField, useTypedCode } from '../pair/CodeField';
import { FollowUps } from '../debrief/FollowUps';
import { StoredScenes } from './StoredScenes';
import { StoredTalks } from './StoredTalks';
import './home.css';

/** A calm start: what Redline is, the one thing it cannot do for you, and two ways in. */
export function HomePage() {
  const { typed, setTyped, code, shaped } = useTypedCode();
  const [inviteTyped, setInviteTyped] = useState('');
  const inviteCode = normalizeCode(inviteTyped);

  return (
    <main className="page stack home">
      <header>
        <h1>Redline</h1>
        <p className="home-lede">
          Redline runs a scene inside the limits you both agreed beforehand: it keeps the toys
          within those limits, checks in with the receiver at the agreed times, and stops everything
          at once on red, a missed check-in or an agreed signal.
        </p>
      </header>

      <p className="notice notice-warning">
        Redline's stop travels over Wi-Fi and Bluetooth, which can fail. Always keep a physical way
        to stop within reach: the toy's own button or removing it, and a restraint release or safety
        shears.
      </p>

      <FollowUps />

      <section className="card stack" aria-labelledby="home-talk">
        <h2 id="home-talk">Talk first</h2>
        <p className="muted">
          Before any scene: invite your partner, each of you answers in private, and Redline shows
          you both only what you both welcome. Then you write and sign an agreement together.
        </p>
        <a className="btn btn-primary btn-large" href="#/talk" data-testid="home-talk-first">
          Talk first
        </a>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (isCodeShaped(inviteCode)) navigate({ name: 'invite', code: inviteCode });
          }}
        >
          <div className="field">
            <label htmlFor="home-invite-code">Invited? Type the invitation code</label>
            <input
              id="home-invite-code"
              data-testid="home-invite-code"
              className="home-invite-code"
              value={inviteTyped}
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              maxLength={16}
              aria-describedby="home-invite-code-help"
              onChange={(event) => {
                setInviteTyped(event.target.value);
              }}
            />
            <span id="home-invite-code-help" className="muted">
              6 letters and digits, from the person who invited you.
            </span>
          </div>
          <button
            type="submit"
            className="btn"
            data-testid="home-open-invite"
            disabled={!isCodeShaped(inviteCode)}
          >
            Open the invitation
          </button>
        </form>
        <StoredTalks />
      </section>

      <section className="card stack" aria-labelledby="home-start">
        <h2 id="home-start">Run a scene</h2>
        <p className="muted">
          For the partner who runs the scene, or for someone alone with a toy.
        </p>
        <a className="btn btn-primary btn-large" href="#/new" data-testid="home-start">
          Start a scene
        </a>
      </section>

      <section className="card stack" aria-labelledby="home-join">
        <h2 id="home-join">Join as the receiver's panel</h2>
        <p className="muted">
          On the receiver's phone: type the code shown on your partner's console, or scan its QR
          code.
        </p>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (shaped) navigate({ name: 'pair', code });
          }}
        >
          <CodeField
            id="home-code"
            label="Pairing code"
            value={typed}
            onChange={setTyped}
            help="6 letters and digits, like K7QM2X."
          />
          <button
            type="submit"
            className="btn btn-large"
            data-testid="home-join"
            disabled={!shaped}
          >
            Join
          </button>
        </form>
      </section>

      <StoredScenes />

      <p>
        <a href="#/history" data-testid="home-history">
          Past scenes
        </a>
        : each one's timeline, its debrief and an export.
      </p>

      <p>
        <a href="#/guide" data-testid="home-guide">
          The guide
        </a>
        : what post-orgasm play is, how to bring it up, and how to play safely.
      </p>
    </main>
  );
}
