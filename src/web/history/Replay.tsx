import { useEffect, useMemo, useState } from 'react';
import type { Agreement } from '../../core/agreement/agreement';
import type { PlotOutput } from '../console/plot-labels';
import type { FoldedStep } from './fold';
import { eventWords, replaySnapshot, stepAt } from './replay-words';
import { sceneTime } from './timeline';

/** Playing runs the scene twenty times faster than it happened, a frame every 100 ms. */
const FRAME_MS = 100;
const SPEED = 20;

/**
 * The replay: the log folded step by step with the core's own machine, so each position shows
 * the scene exactly as it was then — from the log alone, nothing else.
 */
export function Replay(props: {
  steps: readonly FoldedStep[];
  outputs: readonly PlotOutput[];
  origin: number;
  agreement: Agreement;
}) {
  const { steps, outputs, origin, agreement } = props;
  const last = steps.length - 1;
  const times = useMemo(() => steps.map((s) => s.state.now), [steps]);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return undefined;
    const timer = window.setInterval(() => {
      setIndex((i) => {
        const next = Math.max(i + 1, stepAt(times, (times[i] ?? 0) + FRAME_MS * SPEED));
        if (next >= last) setPlaying(false);
        return Math.min(next, last);
      });
    }, FRAME_MS);
    return () => {
      window.clearInterval(timer);
    };
  }, [playing, times, last]);

  const step = steps[index] ?? steps[0];
  if (step === undefined) return null;
  const snapshot = replaySnapshot(step.state, outputs);
  const when = sceneTime(step.state.now, origin);
  const what = eventWords(step.event, agreement);

  return (
    <section className="card stack replay" aria-labelledby="replay-title" data-testid="replay">
      <h2 id="replay-title">Replay</h2>
      <p className="muted">Step through the event log: the scene as it was at each moment.</p>
      <input
        type="range"
        className="replay-scrubber"
        min={0}
        max={last}
        step={1}
        value={index}
        aria-label="Replay position"
        aria-valuetext={`${when}: ${what}`}
        data-testid="replay-scrubber"
        onChange={(e) => {
          setPlaying(false);
          setIndex(Number(e.currentTarget.value));
        }}
      />
      <div className="row replay-controls">
        <button
          type="button"
          className="btn"
          data-testid="replay-play"
          onClick={() => {
            if (index >= last) setIndex(0);
            setPlaying((p) => !p);
          }}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setPlaying(false);
            setIndex(0);
          }}
        >
          Start
        </button>
        <button
          type="button"
          className="btn"
          data-testid="replay-end"
          onClick={() => {
            setPlaying(false);
            setIndex(last);
          }}
        >
          End
        </button>
      </div>
      <div aria-live="polite" className="stack replay-state">
        <p>
          <strong>{when}</strong> · step {index + 1} of {last + 1}: {what}
        </p>
        <p>
          Phase: <strong data-testid="replay-phase">{snapshot.phase}</strong>
          {snapshot.status === null ? null : <> — {snapshot.status}</>}
        </p>
        <ul className="plain" aria-label="Levels sent to the toys">
          {snapshot.levels.map((l) => (
            <li key={l.label}>
              {l.label}: <strong>{l.level}</strong>
            </li>
          ))}
        </ul>
        <p>Orgasms: {snapshot.orgasms}</p>
        <details>
          <summary>Limits in force</summary>
          <ul>
            {snapshot.limits.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </details>
      </div>
    </section>
  );
}
