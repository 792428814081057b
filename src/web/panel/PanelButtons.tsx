import { useRef, useState, type KeyboardEvent } from 'react';
import type { Connection, ConnectionSnapshot } from '../net/connection';
import { checkInOpen, frameFor, showsYellowAndGreen, type PanelButton } from './actions';
import { isAfterStop } from '../../core/scene/phases';
import { createPressGate, type PressGate, type PressSource } from './press-gate';

type Props = Readonly<{ connection: Connection; snapshot: ConnectionSnapshot }>;
type LastPress = Readonly<{ button: PanelButton; seq: number | null }>;

const LABELS: Record<PanelButton, { word: string; meaning: string; answer: string }> = {
  red: { word: 'RED', meaning: 'Stop everything', answer: 'Stop everything' },
  yellow: { word: 'YELLOW', meaning: 'Slow down', answer: 'Not so good: slow down' },
  green: { word: 'GREEN', meaning: 'All good / go on', answer: 'All good' },
};

function pressFeedback(last: LastPress, snapshot: ConnectionSnapshot): string {
  const word = LABELS[last.button].word;
  const { view, status, pending, lastError } = snapshot;
  if (last.button === 'red') {
    // The server's view is the real confirmation: the scene is stopped.
    if (view !== null && isAfterStop(view.phase)) return 'Stopped. Every toy is at zero.';
    if (status === 'ended') return 'This scene has ended: it moves no toy.';
    if (status !== 'open') return 'RED is waiting: it goes the moment the connection is back.';
    return 'RED sent…';
  }
  if (last.seq === null) return `${word} was not sent: not connected.`;
  if (pending.includes(last.seq)) return `${word} sent…`;
  if (lastError?.seq === last.seq) return `${word} was refused: ${lastError.message}`;
  if (status !== 'open') return `${word} may not have arrived: not connected.`;
  return `${word} received.`;
}

/**
 * RED, YELLOW and GREEN. Each sends on pointerdown or Enter/Space with no confirmation; the frame
 * is written to the socket inside the event handler, before any React state changes (S1, S4).
 */
export function PanelButtons({ connection, snapshot }: Props) {
  const gates = useRef<Record<PanelButton, PressGate> | null>(null);
  gates.current ??= { red: createPressGate(), yellow: createPressGate(), green: createPressGate() };
  const [last, setLast] = useState<LastPress | null>(null);

  const fire = (button: PanelButton, source: PressSource) => {
    if (gates.current?.[button].shouldFire(source, performance.now()) === false) return;
    const seq = connection.send(frameFor(button, connection.snapshot().view));
    setLast({ button, seq });
  };
  const keys = (button: PanelButton) => (event: KeyboardEvent) => {
    if ((event.key === 'Enter' || event.key === ' ') && !event.repeat) {
      event.preventDefault();
      fire(button, 'key');
    }
  };
  const handlers = (button: PanelButton) => ({
    onPointerDown: (event: { button: number }) => {
      if (event.button === 0) fire(button, 'pointer');
    },
    onKeyDown: keys(button),
    onClick: () => {
      fire(button, 'click');
    },
    onContextMenu: (event: { preventDefault(): void }) => {
      event.preventDefault();
    },
  });

  const answering = checkInOpen(snapshot.view);
  const label = (button: PanelButton) =>
    answering ? LABELS[button].answer : LABELS[button].meaning;

  return (
    <div className="panel-buttons">
      <button
        type="button"
        className="panel-btn panel-btn-red"
        data-testid="panel-red"
        aria-label={`Red: ${label('red')}`}
        {...handlers('red')}
      >
        <span className="panel-btn-word">RED</span>
        <span className="panel-btn-meaning">{label('red')}</span>
      </button>
      {showsYellowAndGreen(snapshot.view) && snapshot.status !== 'ended' && (
        <div className="panel-buttons-pair">
          <button
            type="button"
            className="panel-btn panel-btn-yellow"
            data-testid="panel-yellow"
            aria-label={`Yellow: ${label('yellow')}`}
            {...handlers('yellow')}
          >
            <span className="panel-btn-word">YELLOW</span>
            <span className="panel-btn-meaning">{label('yellow')}</span>
          </button>
          <button
            type="button"
            className="panel-btn panel-btn-green"
            data-testid="panel-green"
            aria-label={`Green: ${label('green')}`}
            {...handlers('green')}
          >
            <span className="panel-btn-word">GREEN</span>
            <span className="panel-btn-meaning">{label('green')}</span>
          </button>
        </div>
      )}
      <p className="panel-feedback" data-testid="panel-feedback" aria-live="assertive">
        {last === null ? '' : pressFeedback(last, snapshot)}
      </p>
    </div>
  );
}
