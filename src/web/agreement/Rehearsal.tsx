import { useEffect, useRef, useState } from 'react';
import type { Agreement } from '../../core/agreement/agreement';
import { markRehearsed } from './agreement-store';
import {
  advance,
  give,
  isRehearsed,
  levelOf,
  restart,
  setRequested,
  signalsToRehearse,
  startRehearsal,
  type Rehearsal as RehearsalState,
  type SignalKind,
} from './rehearsal';

/**
 * The rehearsal screen (loaded only when opened): one simulated toy as a level bar, run by the
 * real scene machine and governor on this exact draft, and a button for each agreed signal.
 * Nothing real is driven.
 */
const now = () => Math.round(performance.now());
const percent = (level: number) => Math.round(level * 100);

function signalLabel(a: Agreement, s: SignalKind): string {
  switch (s) {
    case 'red':
      return 'Red';
    case 'yellow':
      return 'Yellow';
    case 'hold':
      return 'Let go of hold-to-continue';
    case 'taps':
      return `Tap (${a.signals.tapPattern?.taps ?? 0} times quickly)`;
  }
}

function signalHint(a: Agreement, s: SignalKind): string {
  const words = (action: 'red' | 'yellow' | undefined) =>
    action === 'red' ? 'stops the toy' : 'slows the toy down';
  switch (s) {
    case 'red':
      return 'Stops the toy and ends the scene.';
    case 'yellow':
      return `Lowers the toy to ${percent(a.yellow.factor)} % of its level.`;
    case 'hold': {
      const hold = a.signals.holdToContinue;
      return `The practice holds the button for you. Letting go for ${(hold?.graceMs ?? 0) / 1000} s ${words(hold?.action)}.`;
    }
    case 'taps': {
      const tap = a.signals.tapPattern;
      return `${tap?.taps ?? 0} taps within ${(tap?.withinMs ?? 0) / 1000} s ${words(tap?.action)}.`;
    }
  }
}

export function Rehearsal({
  agreement,
  agreementHash,
  alreadyRehearsed,
  onDone,
}: {
  agreement: Agreement;
  agreementHash: string;
  /** Rehearsed before, on this device, for this exact draft. */
  alreadyRehearsed: boolean;
  onDone: () => void;
}) {
  const [r, setR] = useState<RehearsalState>(() => startRehearsal(agreement, now()));
  const reported = useRef(false);
  const running = r.trial.status === 'armed' || r.trial.status === 'waiting';

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      setR((current) => advance(current, now()));
    }, 100);
    return () => {
      window.clearInterval(timer);
    };
  }, [running]);

  const complete = isRehearsed(r);
  useEffect(() => {
    if (!complete || reported.current) return;
    reported.current = true;
    markRehearsed(agreementHash, Date.now());
    onDone();
  }, [complete, agreementHash, onDone]);

  const signals = signalsToRehearse(agreement);
  const level = levelOf(r.trial.scene);
  const stopped = r.trial.scene.stop !== null;

  return (
    <div className="stack" data-testid="rehearsal">
      <p className="muted">
        A simulated toy, run by the same rules as a real scene with this draft. Nothing real moves.
        Try each signal once and watch the toy stop or slow down.
      </p>
      <div className="field">
        <label htmlFor="rehearsal-requested">
          Level the dominant asks for: {percent(r.requested)}&nbsp;%
        </label>
        <input
          id="rehearsal-requested"
          type="range"
          min={0}
          max={100}
          step={5}
          value={percent(r.requested)}
          onChange={(e) => {
            const value = Number(e.target.value) / 100;
            setR((current) => setRequested(current, value, now()));
          }}
        />
      </div>
      <div className="level-meter">
        <span id="rehearsal-level-label">Practice toy</span>
        <div
          className="level-bar"
          role="meter"
          aria-labelledby="rehearsal-level-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent(level)}
          aria-valuetext={`${percent(level)} %${stopped ? ', stopped' : ''}`}
          data-testid="rehearsal-level"
          data-level={percent(level)}
        >
          <div
            className={`level-fill${stopped ? ' level-stopped' : r.trial.scene.yellow ? ' level-yellow' : ''}`}
            style={{ width: `${percent(level)}%` }}
          />
        </div>
        <span className="level-number" aria-hidden="true">
          {percent(level)}&nbsp;%
        </span>
      </div>
      <p role="status" aria-live="polite" className="rehearsal-message">
        {r.trial.message}
      </p>
      <ul className="plain stack">
        {signals.map((s) => {
          const done = r.done.includes(s);
          return (
            <li key={s} className="rehearse-row">
              <button
                type="button"
                className={`btn ${s === 'red' ? 'btn-red' : s === 'yellow' ? 'btn-yellow' : ''}`}
                data-testid={`rehearse-${s}`}
                aria-describedby={`rehearse-${s}-hint`}
                onClick={() => {
                  setR((current) => give(current, s, now()));
                }}
              >
                {signalLabel(agreement, s)}
              </button>
              <span id={`rehearse-${s}-hint`} className="muted">
                {signalHint(agreement, s)}
              </span>
              <span className={done ? 'tick tick-done' : 'tick'}>
                <span aria-hidden="true">{done ? '✓' : '○'}</span>
                <span className="visually-hidden">{done ? 'tried' : 'not tried yet'}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="btn btn-quiet"
        onClick={() => {
          setR((current) => restart(current, now()));
        }}
      >
        Start the practice toy again
      </button>
      {(complete || alreadyRehearsed) && (
        <p className="notice notice-ok" role="status" data-testid="rehearsal-done">
          {complete
            ? 'Every signal worked on this draft. You can sign it when you are ready.'
            : 'Already rehearsed on this device for this exact draft. You may try the signals again.'}
        </p>
      )}
    </div>
  );
}
