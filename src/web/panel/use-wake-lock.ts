import { useEffect, useState } from 'react';

/** 'on': the screen is kept on; 'off': the browser refused for now; 'unavailable': not here. */
export type WakeLockState = 'on' | 'off' | 'unavailable';

/**
 * Keeps the screen on while the panel is shown, and asks again each time the page comes back
 * into view (browsers drop the lock whenever the page is hidden).
 */
export function useWakeLock(): WakeLockState {
  const supported = typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  const [state, setState] = useState<WakeLockState>(supported ? 'off' : 'unavailable');

  useEffect(() => {
    if (!supported) return undefined;
    let sentinel: WakeLockSentinel | null = null;
    let gone = false;
    const acquire = async () => {
      if (document.visibilityState !== 'visible' || (sentinel !== null && !sentinel.released))
        return;
      try {
        const lock = await navigator.wakeLock.request('screen');
        if (gone) {
          void lock.release();
          return;
        }
        sentinel = lock;
        setState('on');
        lock.addEventListener('release', () => {
          if (!gone) setState('off');
        });
      } catch {
        if (!gone) setState('off');
      }
    };
    const onVisibility = () => {
      void acquire();
    };
    void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    // Some browsers only grant the lock after a touch: ask again on the next one.
    document.addEventListener('pointerdown', onVisibility, { passive: true });
    return () => {
      gone = true;
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('pointerdown', onVisibility);
      void sentinel?.release().catch(() => undefined);
    };
  }, [supported]);

  return state;
}
