import { useEffect, useRef, useState } from 'react';
import type { Connection } from '../net/connection';
import {
  graceLeftMs,
  INITIAL_HOLD,
  KEYBOARD_POINTER,
  resyncSignal,
  stepHold,
  type HoldEvent,
} from './hold';
import { shortSeconds } from './summary';

type Props = Readonly<{
  connection: Connection;
  graceMs: number;
  action: 'yellow' | 'red';
  /** The scene is running, so letting go has consequences now. */
  live: boolean;
  /** Changes each time a new welcome arrives, to tell the server how the hold is now. */
  welcomeCount: number;
}>;

/**
 * Hold-to-continue: a large area to keep a finger on. `signal held` on press, `signal released`
 * on release, cancel, leaving the page or losing focus. The server acts after the agreed grace.
 */
export function HoldArea({ connection, graceMs, action, live, welcomeCount }: Props) {
  const hold = useRef(INITIAL_HOLD);
  const [view, setView] = useState(INITIAL_HOLD);
  const [now, setNow] = useState(() => performance.now());

  const apply = (event: HoldEvent) => {
    const { state, send } = stepHold(hold.current, event);
    hold.current = state;
    if (send !== null) connection.send({ type: 'signal', action: send });
    setView(state);
    setNow(event.at);
  };

  useEffect(() => {
    const release = (type: 'hidden' | 'blur') => () => {
      if (type === 'blur' || document.visibilityState !== 'visible')
        apply({ type, at: performance.now() });
    };
    const onHidden = release('hidden');
    const onBlur = release('blur');
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('blur', onBlur);
    window.addEventListener('pagehide', onBlur);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('pagehide', onBlur);
    };
  });

  // After every welcome, say how the hold is now: the server may remember an older state.
  useEffect(() => {
    if (welcomeCount > 0) connection.send({ type: 'signal', action: resyncSignal(hold.current) });
  }, [connection, welcomeCount]);

  const left = live ? graceLeftMs(view, graceMs, now) : null;
  useEffect(() => {
    if (left === null || left === 0) return undefined;
    const id = setInterval(() => {
      setNow(performance.now());
    }, 200);
    return () => {
      clearInterval(id);
    };
  }, [left]);

  const consequence = action === 'red' ? 'stops' : 'slows down';
  const status = view.held
    ? 'Holding: all good.'
    : !live
      ? 'Hold here before the scene starts, and keep holding.'
      : left === null
        ? `Not holding: hold here now, or the scene ${consequence} as agreed.`
        : left > 0
          ? `Let go: the scene ${consequence} in ${String(Math.ceil(left / 1000))} s unless you hold again.`
          : `Let go: the scene ${consequence} as agreed.`;

  return (
    <div
      className={`panel-hold ${view.held ? 'panel-hold-held' : 'panel-hold-released'}`}
      data-testid="panel-hold"
      data-held={view.held}
      role="button"
      tabIndex={0}
      aria-pressed={view.held}
      aria-label={`Hold to continue. ${status}`}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        try {
          event.currentTarget.setPointerCapture(event.pointerId);
        } catch {
          // Capture is a nicety: a finger sliding off still counts as holding.
        }
        apply({ type: 'press', pointerId: event.pointerId, at: performance.now() });
      }}
      onPointerUp={(event) => {
        apply({ type: 'release', pointerId: event.pointerId, at: performance.now() });
      }}
      onPointerCancel={() => {
        apply({ type: 'cancel', at: performance.now() });
      }}
      onLostPointerCapture={(event) => {
        apply({ type: 'release', pointerId: event.pointerId, at: performance.now() });
      }}
      onKeyDown={(event) => {
        if (event.key !== ' ' || event.repeat) return;
        event.preventDefault();
        apply({ type: 'press', pointerId: KEYBOARD_POINTER, at: performance.now() });
      }}
      onKeyUp={(event) => {
        if (event.key === ' ')
          apply({ type: 'release', pointerId: KEYBOARD_POINTER, at: performance.now() });
      }}
      onBlur={() => {
        // Only a keyboard hold ends when focus moves: a finger may hold while another presses.
        apply({ type: 'release', pointerId: KEYBOARD_POINTER, at: performance.now() });
      }}
      onContextMenu={(event) => {
        event.preventDefault();
      }}
    >
      <span className="panel-hold-title">{view.held ? 'HOLDING' : 'HOLD HERE'}</span>
      <span className="panel-hold-status" aria-live="polite">
        {status}
      </span>
      <span className="panel-hold-rule">
        Letting go for more than {shortSeconds(graceMs / 1000)} {consequence} the scene.
      </span>
    </div>
  );
}
