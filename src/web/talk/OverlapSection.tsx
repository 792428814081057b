import type { ParticipantView } from '../../protocol/negotiation';
import { groupTitle } from './catalogue-groups';
import { matchWords } from './progress-words';

/** What both welcome, in complementary roles, with each side's yes or maybe — never a note. */
export function OverlapSection({ view }: { view: ParticipantView }) {
  const overlap = view.overlap;
  if (overlap === null) return null;
  return (
    <section className="card stack" aria-labelledby="overlap-title" data-testid="overlap">
      <h2 id="overlap-title">What you both welcome</h2>
      <p>
        Only what you both said yes or maybe to, one of you giving and the other receiving. Anything
        not listed is simply not shown: there is no reason given, and nobody learns who said no or
        left it unanswered.
      </p>
      {overlap.items.length === 0 ? (
        <p className="notice" data-testid="overlap-empty">
          Nothing in the list was welcomed by both of you this time. That is a fine answer too: you
          can talk it over, change your answers if you wish, or leave it here.
        </p>
      ) : (
        <ul className="plain talk-overlap">
          {overlap.items.map((item) => (
            <li key={item.id} className="talk-overlap-item" data-testid={`overlap-item-${item.id}`}>
              <h3 className="talk-item-label">
                {item.label} <span className="talk-tag">{groupTitle(item.group)}</span>
              </h3>
              {item.explanation !== '' && (
                <p className="muted talk-item-explanation">{item.explanation}</p>
              )}
              <ul className="talk-matches">
                {item.matches.map((m) => (
                  <li key={`${m.giver}-${m.receiver}`}>{matchWords(m, view)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <a
        className="btn btn-primary btn-large"
        href={`#/talk/${encodeURIComponent(view.negotiationId)}/agreement`}
        data-testid="talk-to-agreement"
      >
        Write the agreement together
      </a>
    </section>
  );
}
