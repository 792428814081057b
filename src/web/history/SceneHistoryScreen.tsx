import { useEffect, useMemo, useState } from 'react';
import { loadCredentials } from '../net/credentials';
import { foldLog, type FoldedStep } from './fold';
import { getHistory, type SceneHistory } from './history-api';
import { EventList } from './EventList';
import { Replay } from './Replay';
import { summarize } from './summary';
import { buildTimeline, stopTimingWords } from './timeline';
import { TimelinePlot } from './TimelinePlot';
import { eventLogJson, traceCsv } from './trace-csv';
import './history.css';
import { offerDownload } from '../app/download';

type State =
  | { status: 'no-secret' }
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; history: SceneHistory; steps: readonly FoldedStep[] };

function Loaded({ history, steps }: { history: SceneHistory; steps: readonly FoldedStep[] }) {
  const { agreement } = history;
  const summary = useMemo(() => summarize(history, steps), [history, steps]);
  const timeline = useMemo(
    () => buildTimeline(steps, agreement, history.readings, history.stopTimings),
    [steps, agreement, history],
  );
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <>
      <h1>{summary.date}</h1>
      <p className="muted">
        {summary.names} · {summary.mode === 'solo' ? 'solo' : 'for two'} · {summary.duration} ·{' '}
        {plural(summary.orgasms, 'orgasm')}
      </p>
      <section className="card stack" aria-labelledby="history-stop-title">
        <h2 id="history-stop-title">How it ended</h2>
        <p data-testid="history-stop">{summary.stop}</p>
        <p data-testid="history-stop-timing">{stopTimingWords(timeline)}</p>
      </section>
      <TimelinePlot timeline={timeline} />
      <Replay
        steps={steps}
        outputs={timeline.outputs}
        origin={timeline.origin}
        agreement={agreement}
      />
      <EventList marks={timeline.marks} origin={timeline.origin} />
      <section className="card stack" aria-labelledby="history-files-title">
        <h2 id="history-files-title">Keep a copy</h2>
        <p className="muted">Made on this device from what is shown here.</p>
        <div className="row">
          <button
            type="button"
            className="btn"
            data-testid="history-download-log"
            onClick={() => {
              offerDownload(
                `redline-scene-${history.sceneId}.json`,
                'application/json',
                eventLogJson(history.events),
              );
            }}
          >
            Event log (JSON)
          </button>
          <button
            type="button"
            className="btn"
            data-testid="history-download-traces"
            onClick={() => {
              offerDownload(
                `redline-scene-${history.sceneId}.csv`,
                'text/csv',
                traceCsv(steps, history.readings),
              );
            }}
          >
            Traces (CSV)
          </button>
        </div>
      </section>
    </>
  );
}

/** Route #/history/:sceneId: one past scene, from its event log and its recorded traces. */
export function SceneHistoryScreen({ sceneId }: { sceneId: string }) {
  const [secret] = useState(() => loadCredentials(sceneId)?.secret ?? null);
  const [state, setState] = useState<State>(
    secret === null ? { status: 'no-secret' } : { status: 'loading' },
  );

  useEffect(() => {
    if (secret === null) return undefined;
    let live = true;
    void getHistory(sceneId, secret).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setState({ status: 'failed', message: result.error.message });
        return;
      }
      const folded = foldLog(result.value.events);
      setState(
        folded.ok
          ? { status: 'ready', history: result.value, steps: folded.steps }
          : { status: 'failed', message: folded.error },
      );
    });
    return () => {
      live = false;
    };
  }, [sceneId, secret]);

  return (
    <main className="page stack history" data-testid="scene-history-page">
      <p>
        <a href="#/history">← Past scenes</a>
      </p>
      {state.status === 'no-secret' && (
        <section className="card">
          <h1>This scene is not on this device</h1>
          <p>
            Only the two people in a scene can open its history, each on the device that joined it.
            This device holds no key for this scene.
          </p>
        </section>
      )}
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Reading the scene…
        </p>
      )}
      {state.status === 'failed' && (
        <p className="notice notice-danger" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && <Loaded history={state.history} steps={state.steps} />}
    </main>
  );
}
