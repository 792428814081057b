import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { openConnection, type Connection, type ConnectionSnapshot } from './connection';
import { INITIAL_SNAPSHOT } from './connection-types';
import { loadCredentials } from './credentials';
import { webSocketUrl } from './ws-url';

export type UseConnection = {
  connection: Connection | null;
  snapshot: ConnectionSnapshot;
  /** This browser holds no secret for the scene: it has to pair (panel) or create it (console). */
  missingCredentials: boolean;
};

const noConnection = {
  subscribe: () => () => undefined,
  snapshot: () => INITIAL_SNAPSHOT,
};

/**
 * Opens this browser's connection to a scene with the stored secret, for as long as the component
 * lives. The submissive's screen sends heartbeats (S5); the dominant's does not.
 */
export function useConnection(sceneId: string): UseConnection {
  const [state, setState] = useState<{ connection: Connection | null; missing: boolean }>({
    connection: null,
    missing: false,
  });

  useEffect(() => {
    const credentials = loadCredentials(sceneId);
    if (credentials === null) {
      setState({ connection: null, missing: true });
      return undefined;
    }
    const connection = openConnection({
      url: webSocketUrl(window.location),
      sceneId,
      secret: credentials.secret,
      heartbeat: credentials.role === 'submissive',
    });
    setState({ connection, missing: false });
    // Back on the network or back in view: try at once instead of waiting out the backoff.
    const nudge = () => {
      if (connection.snapshot().status === 'reconnecting') connection.retry();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') nudge();
    };
    window.addEventListener('online', nudge);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', nudge);
      document.removeEventListener('visibilitychange', onVisible);
      connection.close();
    };
  }, [sceneId]);

  const source = state.connection ?? noConnection;
  const subscribe = useCallback((onChange: () => void) => source.subscribe(onChange), [source]);
  const getSnapshot = useCallback(() => source.snapshot(), [source]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot);
  return { connection: state.connection, snapshot, missingCredentials: state.missing };
}
