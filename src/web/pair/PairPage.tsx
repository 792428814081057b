import { useState } from 'react';
import { navigate } from '../app/use-route';
import { pair, type ApiError } from '../net/api';
import { saveCredentials } from '../net/credentials';
import { normalizeCode, pairingFailureHint, pairingFailureTitle } from './code';
import { CodeField, useTypedCode } from './CodeField';

type State = { step: 'confirm' } | { step: 'pairing' } | { step: 'failed'; error: ApiError };

/** Turns this phone into the receiver's panel, after saying plainly what that means. */
export function PairPage({ code: fromLink }: { code: string }) {
  const { typed, setTyped, code, shaped } = useTypedCode(normalizeCode(fromLink));
  const [state, setState] = useState<State>({ step: 'confirm' });

  const confirm = async () => {
    setState({ step: 'pairing' });
    const result = await pair(code);
    if (!result.ok) {
      setState({ step: 'failed', error: result.error });
      return;
    }
    const { sceneId, role, secret } = result.value;
    saveCredentials(sceneId, { secret, role, lastSeq: 0, mode: 'pair' });
    navigate({ name: 'panel', sceneId });
  };

  return (
    <main className="page stack">
      <h1>Join as the receiver's panel</h1>
      <p>
        This phone becomes the receiver's voice during the scene: three large buttons, RED to stop,
        YELLOW to slow down and GREEN for all good, plus any signal you both agreed on. RED works in
        every moment of the scene and needs no confirmation.
      </p>
      <p>
        Keep this phone in reach and its screen on. If it goes quiet (screen off, app switched,
        Wi-Fi lost), the scene stops by itself: that is on purpose.
      </p>
      <p className="notice notice-warning">
        Keep a physical way to stop within reach as well: the toy's own button or removing it, and a
        restraint release or safety shears. Wi-Fi and Bluetooth can fail.
      </p>
      <form
        className="card stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (shaped && state.step !== 'pairing') void confirm();
        }}
      >
        <CodeField
          id="pair-code"
          label="Pairing code from the console"
          value={typed}
          onChange={setTyped}
          help="6 letters and digits, like K7QM2X."
        />
        {state.step === 'failed' && (
          <div className="notice notice-danger" role="alert">
            <p>
              <strong>{pairingFailureTitle(state.error.status)}</strong>
            </p>
            <p>{state.error.message}</p>
            <p>{pairingFailureHint(state.error.status)}</p>
          </div>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-large"
          data-testid="pair-submit"
          disabled={!shaped || state.step === 'pairing'}
        >
          {state.step === 'pairing' ? 'Joining…' : 'Yes, make this phone the panel'}
        </button>
        <a className="btn" href="#/">
          Not now
        </a>
      </form>
    </main>
  );
}
