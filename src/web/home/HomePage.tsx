import { navigate } from '../app/use-route';
import { CodeField, useTypedCode } from '../pair/CodeField';
import { StoredScenes } from './StoredScenes';
import './home.css';

/** A calm start: what Redline is, the one thing it cannot do for you, and two ways in. */
export function HomePage() {
  const { typed, setTyped, code, shaped } = useTypedCode();

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
    </main>
  );
}
