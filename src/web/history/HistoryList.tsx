import { useEffect, useState } from 'react';
import { newestFirst, loadScene, storedSceneIds, type Loaded } from './stored-history';
import './history.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One past scene in the list: when, who, how long, and why it stopped. */
export function SceneRow({ loaded }: { loaded: Loaded }) {
  if (!loaded.ok)
    return (
      <li className="card history-row" data-testid={`history-scene-${loaded.sceneId}`}>
        <p>
          Scene <code>{loaded.sceneId}</code> could not be opened: {loaded.message}
        </p>
      </li>
    );
  const s = loaded.summary;
  return (
    <li className="card history-row" data-testid={`history-scene-${s.sceneId}`}>
      <h2 className="history-row-title">
        <a href={`#/history/${encodeURIComponent(s.sceneId)}`}>{s.date}</a>
      </h2>
      <p className="muted">
        {s.names} · {s.mode === 'solo' ? 'solo' : 'for two'} · {s.duration} ·{' '}
        {plural(s.orgasms, 'orgasm')}
      </p>
      <p>{s.stop}</p>
    </li>
  );
}

/** Route #/history: the scenes this browser took part in (it holds their secrets), newest first. */
export function HistoryList() {
  const [ids] = useState(storedSceneIds);
  const [loaded, setLoaded] = useState<Loaded[] | null>(ids.length === 0 ? [] : null);

  useEffect(() => {
    if (ids.length === 0) return undefined;
    let live = true;
    void Promise.all(ids.map(loadScene)).then((all) => {
      if (live) setLoaded(newestFirst(all));
    });
    return () => {
      live = false;
    };
  }, [ids]);

  return (
    <main className="page stack history" data-testid="history-page">
      <p>
        <a href="#/">← Home</a>
      </p>
      <h1>Past scenes</h1>
      <p className="muted">
        Scenes this device took part in. Only the two of you can open a scene’s history: each with
        the key this device keeps for it.
      </p>
      {loaded === null ? (
        <p className="muted" role="status">
          Reading your scenes…
        </p>
      ) : loaded.length === 0 ? (
        <section className="card" data-testid="history-empty">
          <h2>No past scenes here yet</h2>
          <p>
            When you have run a scene on this device, it appears here with its timeline and a
            replay.
          </p>
        </section>
      ) : (
        <ul className="plain stack">
          {loaded.map((l) => (
            <SceneRow key={l.ok ? l.summary.sceneId : l.sceneId} loaded={l} />
          ))}
        </ul>
      )}
    </main>
  );
}
