import { useEffect } from 'react';
import { isAfterStop } from '../../core/scene/phases';
import { Aftercare } from '../aftercare/Aftercare';
import { useConnection } from '../net/use-connection';
import { LiveSection } from './LiveSection';
import { receiverName } from './names';
import { PairingCard } from './PairingCard';
import { forgetPairing } from './pairing-store';
import { Reminders } from './Reminders';
import { SetupSection } from './SetupSection';
import { StatusLine } from './StatusLine';
import { StopButton } from './StopButton';
import { useConsoleFeed } from './use-console-feed';
import './console.css';

/** The dominant's console (route #/console/:sceneId): pairing, set-up, the live scene, aftercare. */
export function ConsolePage({ sceneId }: { sceneId: string }) {
  const { connection, snapshot, missingCredentials } = useConnection(sceneId);
  const feed = useConsoleFeed(connection, 'dominant');
  const { view } = snapshot;
  const panelJoined = view?.presence.panel === true;
  // A code works once: after the panel has joined, a replacement needs a fresh one.
  useEffect(() => {
    if (panelJoined) forgetPairing(sceneId);
  }, [panelJoined, sceneId]);

  if (missingCredentials)
    return (
      <main className="page stack">
        <h1>Console</h1>
        <p className="notice notice-warning" role="alert">
          This browser does not hold the secret for this scene, so it cannot run it. The console
          works only on the device that created the scene.
        </p>
        <p>
          <a className="btn btn-primary" href="#/new">
            Create a new scene
          </a>{' '}
          <a className="btn" href="#/">
            Home
          </a>
        </p>
      </main>
    );

  const wrongRole = snapshot.role === 'submissive';
  const running = view !== null && !isAfterStop(view.phase) && !wrongRole;
  return (
    <main className="page stack console" data-testid="console">
      <header className="console-header">
        <h1>Console</h1>
        <StatusLine connection={connection} snapshot={snapshot} />
      </header>
      {running && (
        <div className="console-stop-bar">
          <StopButton connection={connection} />
        </div>
      )}
      {wrongRole && (
        <p className="notice notice-warning" role="alert">
          This browser is the receiver&apos;s screen for this scene.{' '}
          <a href={`#/${view?.mode === 'solo' ? 'solo' : 'panel'}/${encodeURIComponent(sceneId)}`}>
            Open it
          </a>
          .
        </p>
      )}
      {view === null ? (
        <p className="muted">Waiting for the scene…</p>
      ) : wrongRole ? null : isAfterStop(view.phase) ? (
        <Aftercare view={view} role="dominant" />
      ) : (
        <>
          <Reminders reminders={feed.reminders} dismiss={feed.dismiss} />
          {view.phase === 'setup' ? (
            <>
              {!view.presence.panel && (
                <PairingCard sceneId={sceneId} receiver={receiverName(view.agreement)} />
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
