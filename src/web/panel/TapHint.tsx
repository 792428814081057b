import { useEffect, useState } from 'react';
import { shortSeconds } from './summary';
import { tapProgress } from './taps';

type Props = Readonly<{
  taps: number;
  withinMs: number;
  action: 'yellow' | 'red';
  recent: readonly number[];
}>;

/** Says how the tap signal works, and counts the taps that are still inside the window. */
export function TapHint({ taps, withinMs, action, recent }: Props) {
  const [now, setNow] = useState(() => performance.now());
  const last = recent.at(-1);
  useEffect(() => {
    if (last === undefined) return undefined;
    const id = setTimeout(() => {
      setNow(performance.now());
    }, withinMs + 50);
    setNow(performance.now());
    return () => {
      clearTimeout(id);
    };
  }, [last, withinMs]);
  const inWindow = recent.filter((t) => now - t < withinMs);
  const { count, done } = tapProgress(inWindow, taps);
  const consequence = action === 'red' ? 'stop' : 'slow down';
  return (
    <p className="panel-taps" data-testid="panel-taps" aria-live="polite">
      Tap anywhere outside the buttons {taps} times within {shortSeconds(withinMs / 1000)} to{' '}
      {consequence}.
      {count > 0 && (
        <strong className="panel-taps-count">
          {' '}
          {done ? `Signal given (${count} taps).` : `Tap ${count} of ${taps}.`}
        </strong>
      )}
    </p>
  );
}
