import { useEffect, useState } from 'react';
import type { SceneView } from '../../protocol/view';
import { nameOf } from '../words/names';
import { stopWords } from './stop-words';
import { formatDuration } from '../words/format';
import { aftercareElapsedMs, aftercareProgress } from './timer';
import { Afterwards } from './Afterwards';
import './aftercare.css';

type Props = Readonly<{ view: SceneView; role: 'dominant' | 'submissive' }>;

/** Ticks once a second while mounted, for the timer. */
function useLocalNow(): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const id = setInterval(() => {
      setNow(performance.now());
    }, 1000);
    return () => {
      clearInterval(id);
    };
  }, []);
  return now;
}

/** The local time at which the current view arrived, to carry the scene clock forward. */
function useReceivedAt(view: SceneView): number {
  const [received, setReceived] = useState(() => ({ view, at: performance.now() }));
  if (received.view !== view) setReceived({ view, at: performance.now() });
  return received.at;
}

function DominantPrompts({ view }: { view: SceneView }) {
  const receiver = nameOf(view.agreement, 'submissive');
  return (
    <section aria-labelledby="aftercare-dominant" className="card">
      <h3 id="aftercare-dominant">For you, now</h3>
      <ul>
        <li>Offer water.</li>
        <li>Offer a blanket or something warm.</li>
        <li>Stay close; let {receiver} set the pace.</li>
        <li>Ask how they feel, and listen.</li>
        <li>
          Check gently for marks, soreness or numbness
          {view.agreement.restraint.used ? ', especially where restraints were' : ''}.
        </li>
      </ul>
    </section>
  );
}

function SubmissiveWords({ view }: { view: SceneView }) {
  if (view.mode === 'solo')
    return (
      <p>
        Take your time. Water, warmth and rest help. If you would like company, reach out to someone
        you trust.
      </p>
    );
  return (
    <p>
      Take your time. Tell {nameOf(view.agreement, 'dominant')} what you need: water, warmth,
      closeness or quiet.
    </p>
  );
}

/** The calm screen both partners see after any stop. */
export function Aftercare({ view, role }: Props) {
  const localNow = useLocalNow();
  const receivedAt = useReceivedAt(view);
  const { minutes, items } = view.agreement.aftercare;
  const since = view.stop?.at ?? view.phaseSince;
  const elapsed = aftercareElapsedMs(since, view.now, receivedAt, Math.max(localNow, receivedAt));
  const { remainingMs, done } = aftercareProgress(elapsed, minutes);
  // The stop on this device's wall clock, from the scene clock, once: the follow-ups count from it.
  const [stopWallMs] = useState(() => Date.now() - Math.max(0, view.now - since));

  return (
    <section className="aftercare stack" data-testid="aftercare" aria-labelledby="aftercare-title">
      <h2 id="aftercare-title">Aftercare</h2>
      <p className="aftercare-cause">{stopWords(view.stop, view.agreement)}</p>
      <p className="aftercare-zero">
        <strong>Every toy is at zero</strong> and stays there for the rest of this scene.
      </p>

      <div className="card aftercare-timer" role="timer" aria-live="off">
        <p className="aftercare-time">{formatDuration(elapsed)}</p>
        {minutes > 0 ? (
          <p className="muted">
            {done
              ? `The agreed ${minutes} minutes have passed. Take as long as you need.`
              : `You agreed on at least ${minutes} minutes of aftercare: ${formatDuration(remainingMs)} to go.`}
          </p>
        ) : (
          <p className="muted">Take as long as you need.</p>
        )}
      </div>

      {role === 'dominant' ? <DominantPrompts view={view} /> : <SubmissiveWords view={view} />}

      <section aria-labelledby="aftercare-items" className="card">
        <h3 id="aftercare-items">What you agreed on</h3>
        {items.length > 0 ? (
          <ul className="aftercare-items">
            {items.map((item, i) => (
              <li key={`${i}-${item}`}>{item}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing was listed. Ask each other what would help right now.</p>
        )}
      </section>

      <p className="muted">
        Feeling low, tired or tearful hours later, or a day or two later, is common. Check in with
        each other again later today and tomorrow
        {view.mode === 'solo' ? ', or with someone you trust' : ''}.
      </p>

      <Afterwards sceneId={view.sceneId} stopWallMs={stopWallMs} />
    </section>
  );
}
