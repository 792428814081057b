import type { ReactNode } from 'react';
import { useWakeLock } from './use-wake-lock';

type Props = Readonly<{
  /** The optional heart-rate strap control (it needs the connection, which the footer does not). */
  heartRate?: ReactNode;
  speech: boolean;
  speechAvailable: boolean;
  onSpeech: (on: boolean) => void;
}>;

/** The quiet facts: screen on, speech, an optional heart-rate strap, and why a hidden panel stops the scene. */
export function PanelFooter({ heartRate, speech, speechAvailable, onSpeech }: Props) {
  const wakeLock = useWakeLock();
  return (
    <footer className="panel-footer stack">
      <p
        data-testid="panel-wake-lock"
        className={wakeLock === 'on' ? 'muted' : 'notice notice-warning'}
      >
        {wakeLock === 'on'
          ? 'This screen will stay on.'
          : 'This browser cannot keep the screen on by itself: keep the screen on (turn off auto-lock for now).'}
      </p>
      <p className="muted">
        Keep this page open and in front. If the screen turns off or you switch apps, the panel goes
        quiet and the scene stops by itself: that is on purpose.
      </p>
      {speechAvailable && (
        <label className="check-row panel-toggle">
          <input
            type="checkbox"
            className="big-check"
            checked={speech}
            data-testid="panel-speech-toggle"
            onChange={(event) => {
              onSpeech(event.target.checked);
            }}
          />
          <span>Speak check-in prompts aloud</span>
        </label>
      )}
      {heartRate}
      <p className="muted">
        Keep a physical way to stop within reach: the toy's own button or removing it, and a
        restraint release or safety shears.
      </p>
    </footer>
  );
}
