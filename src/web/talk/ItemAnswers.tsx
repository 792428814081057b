import type { ActivityRole, CatalogueItem, Rating } from '../../core';
import { ACTIVITY_ROLES, answerOf, NOTE_MAX, RATINGS, type AnswerMap } from './answer-map';
import { activityRoleTitle, choiceName, ratingTitle } from './role-words';

/** One catalogue item: yes / maybe / no for giving and for receiving, and private notes. */
export function ItemAnswers({
  item,
  answers,
  disabled,
  onRate,
  onNote,
}: {
  item: CatalogueItem;
  answers: AnswerMap;
  disabled: boolean;
  onRate: (role: ActivityRole, rating: Rating) => void;
  onNote: (role: ActivityRole, note: string) => void;
}) {
  const rated = ACTIVITY_ROLES.filter((role) => answerOf(answers, item.id, role) !== undefined);
  const notes = rated.filter((role) => (answerOf(answers, item.id, role)?.note ?? '') !== '');
  return (
    <li className="talk-item" data-testid={`item-${item.id}`}>
      <h4 className="talk-item-label">
        {item.label}
        {item.custom && <span className="talk-tag">added by you two</span>}
      </h4>
      {item.explanation !== '' && <p className="muted talk-item-explanation">{item.explanation}</p>}
      {ACTIVITY_ROLES.map((role) => {
        const current = answerOf(answers, item.id, role)?.rating;
        return (
          <div
            key={role}
            role="radiogroup"
            aria-label={`${item.label} — ${role}`}
            className="talk-choice"
          >
            <span className="talk-choice-role" aria-hidden="true">
              {activityRoleTitle(role)}
            </span>
            <div className="talk-ratings">
              {RATINGS.map((rating) => (
                <label key={rating} className={`talk-rating talk-rating-${rating}`}>
                  <input
                    type="radio"
                    name={`answer-${item.id}-${role}`}
                    value={rating}
                    checked={current === rating}
                    disabled={disabled}
                    aria-label={choiceName(item.label, role, rating)}
                    data-testid={`answer-${item.id}-${role}-${rating}`}
                    onChange={() => {
                      onRate(role, rating);
                    }}
                  />
                  <span aria-hidden="true">{ratingTitle(rating)}</span>
                </label>
              ))}
            </div>
          </div>
        );
      })}
      <details className="talk-notes">
        <summary>
          Private notes{notes.length > 0 ? ` (${notes.length})` : ''}
          <span className="visually-hidden"> for {item.label}</span>
        </summary>
        {rated.length === 0 ? (
          <p className="muted talk-hint">Choose an answer first: a note goes with it.</p>
        ) : (
          rated.map((role) => (
            <label key={role} className="field">
              {activityRoleTitle(role)}: a note for yourself
              <input
                value={answerOf(answers, item.id, role)?.note ?? ''}
                maxLength={NOTE_MAX}
                disabled={disabled}
                data-testid={`note-${item.id}-${role}`}
                onChange={(e) => {
                  onNote(role, e.target.value);
                }}
              />
            </label>
          ))
        )}
        <p className="muted talk-hint">Only you ever see your notes, even after the reveal.</p>
      </details>
    </li>
  );
}
