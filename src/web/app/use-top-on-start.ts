import { useEffect } from 'react';

/**
 * Back to the top when the scene starts: Start sits at the foot of the long set-up page, and the
 * running scene begins with what matters most (STOP, the phase, its clocks).
 */
export function useTopOnStart(started: boolean): void {
  useEffect(() => {
    if (started) window.scrollTo(0, 0);
  }, [started]);
}
