import { loadCredentials } from '../net/credentials';
import { useConnection } from '../net/use-connection';
import { Panel } from './Panel';

function NotPaired({ sceneId }: { sceneId: string }) {
  const credentials = loadCredentials(sceneId);
  return (
    <main className="page stack">
      <h1>This phone is not the panel for this scene</h1>
      {credentials?.role === 'dominant' ? (
        <>
          <p>This browser runs the console for this scene.</p>
          <p>
            <a className="btn btn-primary" href={`#/console/${encodeURIComponent(sceneId)}`}>
              Open the console
            </a>
          </p>
        </>
      ) : (
        <>
          <p>To join, type the pairing code shown on your partner's console.</p>
          <p>
            <a className="btn btn-primary" href="#/">
              Go to the start page
            </a>
          </p>
        </>
      )}
      <p className="notice notice-warning">
        Until a panel is connected, use the toy's own button or remove it to stop.
      </p>
    </main>
  );
}

/** The route `#/panel/:sceneId`: the receiver's panel with this browser's own secret. */
export function PanelPage({ sceneId }: { sceneId: string }) {
  // Checked before connecting: opening the dominant's role here would push the console off.
  if (loadCredentials(sceneId)?.role !== 'submissive') return <NotPaired sceneId={sceneId} />;
  return <ConnectedPanel sceneId={sceneId} />;
}

function ConnectedPanel({ sceneId }: { sceneId: string }) {
  const { connection, snapshot, missingCredentials } = useConnection(sceneId);
  if (missingCredentials) return <NotPaired sceneId={sceneId} />;
  if (connection === null)
    return (
      <main className="page">
        <p role="status">Opening the panel…</p>
      </main>
    );
  return (
    <main className="panel-page">
      <h1 className="visually-hidden">Panel</h1>
      {snapshot.view?.mode === 'solo' && (
        <p className="panel-solo-hint row">
          This is a solo scene: start it and move through it on the solo screen.
          <a className="btn" href={`#/solo/${encodeURIComponent(sceneId)}`}>
            Open the solo screen
          </a>
        </p>
      )}
      <Panel sceneId={sceneId} connection={connection} snapshot={snapshot} />
    </main>
  );
}
