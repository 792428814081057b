import type { Connection } from '../net/connection';

/**
 * The console's STOP: a red safeword on the first touch. No confirmation and no React state
 * before the frame is written (S1); a touch sends on pointerdown, a keyboard on click.
 */
export function StopButton({
  connection,
  testId = 'console-stop',
  label = 'STOP',
}: {
  connection: Connection | null;
  testId?: string;
  label?: string;
}) {
  const stop = () => {
    connection?.send({ type: 'safeword', word: 'red' });
  };
  return (
    <button
      type="button"
      className="btn btn-red btn-large console-stop"
      data-testid={testId}
      aria-label="Stop: red, every toy to zero now"
      onPointerDown={stop}
      onClick={(event) => {
        // detail is 0 for Enter or Space: a pointer already sent on pointerdown.
        if (event.detail === 0) stop();
      }}
    >
      {label}
    </button>
  );
}
