import { useEffect, useMemo, useState } from 'react';
import type { SceneView } from '../../protocol/view';
import { estimateSceneNow } from './live-timers';

/** Re-renders every `everyMs` so running clocks move between views. */
export function useTick(everyMs: number): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const id = setInterval(() => {
      setNow(performance.now());
    }, everyMs);
    return () => {
      clearInterval(id);
    };
  }, [everyMs]);
  return now;
}

/** The scene clock now, estimated from the latest view and the time seen since it arrived. */
export function useSceneNow(view: SceneView, everyMs = 500): number {
  // When this view arrived; a recomputation would only make the estimate a little late.
  const receivedAt = useMemo(() => performance.now(), [view]);
  const tick = useTick(everyMs);
  return estimateSceneNow(view.now, receivedAt, Math.max(tick, receivedAt));
}
