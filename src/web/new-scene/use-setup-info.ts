import { useCallback, useEffect, useState } from 'react';
import { getSetup, type ApiError, type SetupInfo } from '../net/api';

export type SetupState =
  | { status: 'loading' }
  | { status: 'ready'; setup: SetupInfo }
  | { status: 'failed'; error: ApiError };

/** GET /api/setup once on mount, with a way to ask again. */
export function useSetupInfo(): { state: SetupState; reload: () => void } {
  const [state, setState] = useState<SetupState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void getSetup().then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { status: 'ready', setup: result.value }
          : { status: 'failed', error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [attempt]);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload };
}
