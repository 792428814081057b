import type { Mark } from './marks';
import { MARK_STYLE } from './mark-style';
import { sceneTime } from './timeline';

/** The scene in words, in order: the plot's text alternative. */
export function EventList({ marks, origin }: { marks: readonly Mark[]; origin: number }) {
  return (
    <section className="card" aria-labelledby="history-events-title">
      <h2 id="history-events-title">What happened</h2>
      {marks.length === 0 ? (
        <p className="muted">Nothing happened in this scene beyond its set-up.</p>
      ) : (
        <ol className="plain history-events" data-testid="history-events">
          {marks.map((m, i) => (
            <li key={i} className={`history-event history-event-${m.kind}`}>
              <span
                className="history-dot"
                aria-hidden="true"
                style={{ background: MARK_STYLE[m.kind].colour }}
              />
              <time className="history-time">{sceneTime(m.at, origin)}</time>
              <span>{m.words}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
