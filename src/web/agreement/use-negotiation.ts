import { useCallback, useEffect, useState } from 'react';
import type { ParticipantView } from '../../protocol/negotiation';
import type { ApiError } from '../net/api';
import { readNegotiation } from '../talk/negotiation-api';
import { loadTalk, type TalkCredentials } from '../talk/talk-credentials';

export type NegotiationState =
  | { status: 'no-secret' }
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; view: ParticipantView };

/**
 * This partner's view of the negotiation, read with their own secret (P2). `replace` takes a view
 * the server answered to an action (save, sign, withdraw), so nothing is read twice.
 */
export function useNegotiation(negotiationId: string): {
  credentials: TalkCredentials | null;
  state: NegotiationState;
  reload: () => void;
  replace: (view: ParticipantView) => void;
} {
  const [credentials] = useState(() => loadTalk(negotiationId));
  const [state, setState] = useState<NegotiationState>(
    credentials === null ? { status: 'no-secret' } : { status: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (credentials === null) return;
    let live = true;
    void readNegotiation(negotiationId, credentials.secret).then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { status: 'ready', view: result.value }
          : { status: 'failed', error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [negotiationId, credentials, attempt]);
  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  const replace = useCallback((view: ParticipantView) => {
    setState({ status: 'ready', view });
  }, []);
  return { credentials, state, reload, replace };
}
