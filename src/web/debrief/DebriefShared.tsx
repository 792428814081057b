import { useState } from 'react';
import {
  answeredFields,
  DEBRIEF_FIELDS,
  type DebriefAnswers,
  type DebriefField,
} from '../../core/aftercare/debrief';
import type { DebriefView } from '../../protocol/debrief';
import { answerWords, QUESTIONS } from './debrief-words';

/** Answers as question and answer, only those given. */
export function AnswerList({ answers, testId }: { answers: DebriefAnswers; testId?: string }) {
  const fields = answeredFields(answers);
  return (
    <dl className="debrief-answers" data-testid={testId}>
      {fields.map((field) => (
        <div key={field}>
          <dt>{QUESTIONS[field]}</dt>
          <dd>{answerWords(field, answers)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Choose what to share: one box per answer given, ticked as it is shared now. */
export function ShareSection({
  view,
  saved,
  onShare,
  sharing,
  status,
}: {
  view: DebriefView;
  /** The answers as saved (what sharing picks from). */
  saved: DebriefAnswers | null;
  onShare: (fields: DebriefField[]) => void;
  sharing: boolean;
  /** What the last press of the button did. */
  status: string | null;
}) {
  const partner = view.partner?.name ?? 'your partner';
  const [ticked, setTicked] = useState<DebriefField[]>(() =>
    view.you.shared === null ? [] : answeredFields(view.you.shared),
  );
  const fields = saved === null ? [] : answeredFields(saved);
  return (
    <section className="card stack" aria-labelledby="debrief-share-title">
      <h2 id="debrief-share-title">Choose what to share</h2>
      {fields.length === 0 ? (
        <p className="muted">
          Save some answers first; then you can choose which of them {partner} may see.
        </p>
      ) : (
        <>
          <p>
            Tick the answers {partner} may see. The rest stays yours. You can change this later.
          </p>
          {fields.map((field) => (
            <label key={field} className="check-row">
              <input
                type="checkbox"
                className="big-check"
                checked={ticked.includes(field)}
                data-testid={`debrief-share-${field}`}
                onChange={(e) => {
                  setTicked(
                    e.target.checked
                      ? DEBRIEF_FIELDS.filter((f) => f === field || ticked.includes(f))
                      : ticked.filter((f) => f !== field),
                  );
                }}
              />
              <span>
                {QUESTIONS[field]}
                <span className="muted check-hint">
                  {saved === null ? '' : answerWords(field, saved)}
                </span>
              </span>
            </label>
          ))}
          <button
            type="button"
            className="btn btn-primary"
            data-testid="debrief-share"
            disabled={sharing}
            onClick={() => {
              onShare(ticked);
            }}
          >
            {ticked.length === 0 ? 'Share nothing' : 'Share the ticked answers'}
          </button>
        </>
      )}
      {status !== null && <p role="status">{status}</p>}
      <p className="muted" data-testid="debrief-shared-status">
        {view.you.shared === null
          ? `${partner} sees none of your answers.`
          : `${partner} sees your answers to: ${answeredFields(view.you.shared)
              .map((f) => QUESTIONS[f])
              .join(' ')}`}
      </p>
    </section>
  );
}

export function PartnerSection({ view }: { view: DebriefView }) {
  const partner = view.partner;
  if (partner === null) return null;
  return (
    <section
      className="card stack"
      aria-labelledby="debrief-partner-title"
      data-testid="debrief-partner"
    >
      <h2 id="debrief-partner-title">What {partner.name} shared</h2>
      {partner.shared === null ? (
        <p className="muted">
          Nothing yet. {partner.name} may share some answers when ready, or none at all; both are
          fine.
        </p>
      ) : (
        <AnswerList answers={partner.shared} />
      )}
    </section>
  );
}

export function SuggestionsSection({ view }: { view: DebriefView }) {
  if (view.suggestions.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="debrief-suggestions-title">
      <h2 id="debrief-suggestions-title">For your next agreement</h2>
      <p>What was shared suggests some gentler limits next time:</p>
      <ul>
        {view.suggestions.map((s) => (
          <li key={s.change.kind} data-testid="debrief-suggestion">
            {s.reason}
          </li>
        ))}
      </ul>
      <p className="muted">
        {view.mode === 'pair'
          ? 'Redline offers these when you write your next agreement together. You decide; nothing changes until you both sign.'
          : 'Keep them in mind for your next scene.'}
      </p>
    </section>
  );
}
