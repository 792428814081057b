import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParticipantView } from '../../protocol/negotiation';
import type { ApiError, ApiResult } from '../net/api';
import { readNegotiation } from './negotiation-api';
import { waitingForPartner } from './progress-words';

export const POLL_MS = 4000;

export type ViewState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; view: ParticipantView; error: ApiError | null };

/**
 * One negotiation's view, asked again every few seconds while the partner is still to join or
 * submit (only this server, P1). Answers from writes and polls race; each request is numbered
 * and only an answer newer than the last one shown is applied.
 */
export function useNegotiationView(negotiationId: string, secret: string) {
  const [state, setState] = useState<ViewState>({ status: 'loading' });
  const issued = useRef(0);
  const applied = useRef(0);
  const alive = useRef(true);

  /**
   * Runs a request that answers with the view and shows its view if nothing newer came. A write's
   * failure is its caller's to show, by the control that made it; a read's is shown by the page.
   */
  const apply = useCallback(
    async (
      call: () => Promise<ApiResult<ParticipantView>>,
      isRead: boolean,
    ): Promise<ApiResult<ParticipantView>> => {
      const n = ++issued.current;
      const result = await call();
      if (!alive.current || n < applied.current) return result;
      if (!result.ok && !isRead) return result;
      applied.current = n;
      setState((prev) => {
        if (result.ok) return { status: 'ready', view: result.value, error: null };
        return prev.status === 'ready'
          ? { ...prev, error: result.error }
          : { status: 'failed', error: result.error };
      });
      return result;
    },
    [],
  );

  const run = useCallback(
    (call: () => Promise<ApiResult<ParticipantView>>) => apply(call, false),
    [apply],
  );
  const refresh = useCallback(
    () => apply(() => readNegotiation(negotiationId, secret), true),
    [apply, negotiationId, secret],
  );

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  const view = state.status === 'ready' ? state.view : null;
  const waiting = view !== null && waitingForPartner(view);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void refresh();
    }, POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [waiting, refresh]);

  return { state, run, refresh };
}
