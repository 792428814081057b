import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { Aftercare } from '../aftercare/Aftercare';
import { SceneEnded } from '../aftercare/SceneEnded';
import type { Connection, ConnectionSnapshot } from '../net/connection';
import { checkInOpen, waitingForGreen } from './actions';
import { ConnectionBanner } from './ConnectionBanner';
import { HeartRateStrap } from './HeartRateStrap';
import { HoldArea } from './HoldArea';
import { PanelButtons } from './PanelButtons';
import { PanelFooter } from './PanelFooter';
import { isActive, isAfterStop } from '../../core/scene/phases';
import { phaseName } from '../words/phase';
import { IntensityBar, LimitsSummary } from './SceneFacts';
import { TapHint } from './TapHint';
import { recordTap, shouldSendTap } from './taps';
import { TestStop } from './TestStop';
import { useCues } from './use-cues';
import './panel.css';

type Props = Readonly<{ sceneId: string; connection: Connection; snapshot: ConnectionSnapshot }>;

/** Anything that is a control of its own: a tap there is not a signal tap. */
const CONTROLS =
  'button, a, input, select, textarea, summary, label, [role="button"], [data-no-tap]';

/** Counts welcomes, so the hold area can tell the server how it is after each reconnect. */
function useWelcomeCount(status: ConnectionSnapshot['status']): number {
  const [count, setCount] = useState(0);
  const previous = useRef(status);
  useEffect(() => {
    if (status === 'open' && previous.current !== 'open') setCount((c) => c + 1);
    previous.current = status;
  }, [status]);
  return count;
}

/**
 * The receiver's panel: their voice when they cannot speak. RED is the largest control and is
 * there in every phase and every state (S4).
 */
export function Panel({ sceneId, connection, snapshot }: Props) {
  const { view } = snapshot;
  const cues = useCues(connection);
  const welcomeCount = useWelcomeCount(snapshot.status);
  const [taps, setTaps] = useState<number[]>([]);
  const [dismissed, setDismissed] = useState<unknown>(null);

  const signals = view?.agreement.signals;
  const afterStop = view !== null && isAfterStop(view.phase);
  const live = view !== null && isActive(view.phase);
  const tap = signals?.tapPattern ?? null;
  const hold = signals?.holdToContinue ?? null;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    cues.unlock();
    const onControl = event.target instanceof Element && event.target.closest(CONTROLS) !== null;
    if (!shouldSendTap({ configured: tap !== null, afterStop, onControl, button: event.button }))
      return;
    connection.send({ type: 'signal', action: 'tapped' });
    if (tap !== null) setTaps((t) => recordTap(t, performance.now(), tap.withinMs));
  };

  const held = waitingForGreen(view);
  const other = cues.latest;
  const showOther =
    other !== null &&
    other !== dismissed &&
    other.kind !== 'check-in' &&
    other.kind !== 'green-to-resume' &&
    !afterStop;

  return (
    <div className="panel" onPointerDown={onPointerDown} data-testid="panel">
      <header className="panel-top">
        <p className="panel-phase" data-testid="phase" data-phase={view?.phase ?? ''}>
          {view !== null
            ? phaseName(view.phase, 'receiver')
            : snapshot.status === 'ended'
              ? 'Ended'
              : 'Waiting for the scene…'}
        </p>
        <ConnectionBanner
          snapshot={snapshot}
          onRetry={() => {
            connection.retry();
          }}
        />
      </header>

      {checkInOpen(view) && !afterStop && (
        <p className="panel-prompt panel-prompt-checkin" role="alert" data-testid="panel-checkin">
          Check-in: how are you?
        </p>
      )}
      {held !== null && !checkInOpen(view) && (
        <p className="panel-prompt" role="status" data-testid="panel-waiting-green">
          {held === 'paused' ? 'Paused: every toy is at zero.' : 'Slowed down.'} Press GREEN when
          you are ready to go on.
        </p>
      )}
      {showOther && (
        <div className="panel-prompt" role="alert">
          <p>{other.text}</p>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setDismissed(other);
            }}
          >
            OK
          </button>
        </div>
      )}

      <PanelButtons connection={connection} snapshot={snapshot} />

      {hold !== null && !afterStop && (
        <HoldArea
          connection={connection}
          graceMs={hold.graceMs}
          action={hold.action}
          live={live}
          welcomeCount={welcomeCount}
        />
      )}
      {tap !== null && !afterStop && (
        <TapHint taps={tap.taps} withinMs={tap.withinMs} action={tap.action} recent={taps} />
      )}

      {view !== null && view.phase === 'setup' && <TestStop connection={connection} view={view} />}
      {view !== null && afterStop && <Aftercare view={view} role="submissive" />}
      {view === null && snapshot.status === 'ended' && <SceneEnded sceneId={sceneId} />}
      {view !== null && !afterStop && <IntensityBar view={view} />}
      {/* After a stop the limits no longer matter: aftercare lists what was agreed for it. */}
      {view !== null && !afterStop && <LimitsSummary view={view} />}

      <PanelFooter
        heartRate={<HeartRateStrap connection={connection} />}
        speech={cues.speech}
        speechAvailable={cues.speechAvailable}
        onSpeech={cues.setSpeech}
      />
    </div>
  );
}
