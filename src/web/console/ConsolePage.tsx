import { useEffect } from 'react';
import { isAfterStop } from '../../core/scene/phases';
import { Aftercare } from '../aftercare/Aftercare';
import { SceneEnded } from '../aftercare/SceneEnded';
import { MissingSecret } from '../app/MissingSecret';
import { useTopOnStart } from '../app/use-top-on-start';
import type { Connection, ConnectionSnapshot } from '../net/connection';
import { useConnection } from '../net/use-connection';
import { LiveSection } from './LiveSection';
import { nameOf } from '../words/names';
import { PairingCard } from './PairingCard';
import { PhaseHeader } from './PhaseHeader';
import { forgetPairing } from './pairing-store';
import { Reminders } from './Reminders';
import { SensorAlerts } from './SensorAlerts';
import { SetupSection } from './SetupSection';
import { StatusLine } from './StatusLine';
import { StopButton } from './StopButton';
import { useConsoleFeed } from './use-console-feed';
import './console.css';

/** The dominant's console (route #/console/:sceneId): pairing, set-up, the live scene, aftercare. */
export function ConsolePage({ sceneId }: { sceneId: string }) {
  const { connection, snapshot, missingCredentials } = useConnection(sceneId);
  if (missingCredentials)
    return (
      <MissingSecret
        title="Console"
        explanation="This browser does not hold the secret for this scene, so it cannot run it. The console works only on the device that created the scene."
      />
    );
  return <Console sceneId={sceneId} connection={connection} snapshot={snapshot} />;
}

/** The console for a connection (or none yet) and what it last heard. */
export function Console({
  sceneId,
  connection,
  snapshot,
}: {
  sceneId: string;
  connection: Connection | null;
  snapshot: ConnectionSnapshot;
}) {
  const feed = useConsoleFeed(connection, 'dominant');
  const { view } = snapshot;
  const panelJoined = view?.presence.panel === true;
  // A code works once: after the panel has joined, a replacement needs a fresh one.
  useEffect(() => {
    if (panelJoined) forgetPairing(sceneId);
  }, [panelJoined, sceneId]);
  useTopOnStart(view !== null && view.phase !== 'setup');

  const wrongRole = snapshot.role === 'submissive';
  const running = view !== null && !isAfterStop(view.phase) && !wrongRole;
  // While the scene runs, the phase and its clocks share the sticky bar with STOP, so STOP never
  // covers them however far the page scrolls.
  const live = running && view.phase !== 'setup';
  return (
    <main className="page stack console" data-testid="console">
      <header className="console-header">
        <h1>Console</h1>
        <StatusLine connection={connection} snapshot={snapshot} />
      </header>
      {running && (
        <div className={live ? 'console-stop-bar console-stop-bar-live' : 'console-stop-bar'}>
          {live && <PhaseHeader view={view} />}
          <StopButton connection={connection} />
        </div>
      )}
      {wrongRole && (
        <p className="notice notice-warning row" role="alert">
          This browser is the receiver&apos;s screen for this scene.
          <a
            className="btn"
            href={`#/${view?.mode === 'solo' ? 'solo' : 'panel'}/${encodeURIComponent(sceneId)}`}
          >
            Open the receiver&apos;s screen
          </a>
        </p>
      )}
      {view === null ? (
        snapshot.status === 'ended' ? (
          <SceneEnded sceneId={sceneId} />
        ) : (
          <p className="muted">Waiting for the scene…</p>
        )
      ) : wrongRole ? null : isAfterStop(view.phase) ? (
        <Aftercare view={view} role="dominant" />
      ) : (
        <>
          <SensorAlerts alerts={feed.alerts} dismiss={feed.dismissAlert} connection={connection} />
          <Reminders reminders={feed.reminders} dismiss={feed.dismiss} />
          {view.phase === 'setup' ? (
            <>
              {!view.presence.panel && (
                <PairingCard sceneId={sceneId} receiver={nameOf(view.agreement, 'submissive')} />
              )}
              <SetupSection view={view} connection={connection} who="pair" />
            </>
          ) : (
            <LiveSection view={view} connection={connection} lastCheckIn={feed.lastCheckIn} />
          )}
        </>
      )}
    </main>
  );
}
