import { useState } from 'react';
import type { ActivityRole, Rating } from '../../core';
import type { ParticipantView } from '../../protocol/negotiation';
import type { ApiResult } from '../net/api';
import { setNote, setRating } from './answer-map';
import { groupItems } from './catalogue-groups';
import { CustomItemForm } from './CustomItemForm';
import { ItemAnswers } from './ItemAnswers';
import { addItems } from './negotiation-api';
import { useAnswerDraft, type SaveState } from './use-answer-draft';

type Run = (call: () => Promise<ApiResult<ParticipantView>>) => Promise<ApiResult<ParticipantView>>;

const SAVE_WORDS: Record<SaveState, string> = {
  saved: 'All answers saved.',
  unsaved: 'Saving in a moment…',
  saving: 'Saving…',
  failed: 'Not saved.',
};

/** Your private answers for this round: the whole catalogue by group, saving and submitting. */
export function AnswersSection({
  view,
  secret,
  run,
}: {
  view: ParticipantView;
  secret: string;
  run: Run;
}) {
  const id = view.negotiationId;
  const editable = view.status !== 'declined';
  const draft = useAnswerDraft(id, secret, view.own.items, run, editable);
  const groups = groupItems(view.catalogue.items);

  const rate = (itemId: string, role: ActivityRole, rating: Rating) => {
    draft.setAnswers((map) => setRating(map, itemId, role, rating));
  };
  const note = (itemId: string, role: ActivityRole, text: string) => {
    draft.setAnswers((map) => setNote(map, itemId, role, text));
  };
  const add = async (item: {
    id: string;
    group: ParticipantView['catalogue']['items'][number]['group'];
    label: string;
    explanation: string;
  }) => {
    const result = await run(() => addItems(id, secret, [item]));
    return result.ok ? null : result.error.message;
  };

  const [submitError, setSubmitError] = useState<string | null>(null);
  const submit = async () => {
    const result = await draft.submit();
    setSubmitError(result !== null && !result.ok ? result.error.message : null);
  };

  const submittedAndSaved = view.you.submitted && draft.state === 'saved';
  return (
    <section className="stack" aria-labelledby="answers-title">
      <h2 id="answers-title">Your answers</h2>
      <p>
        For each item, answer for both directions. <strong>Giving</strong> means you do it for your
        partner; <strong>receiving</strong> means your partner does it for you. Yes, maybe or no —
        only you see these.
      </p>
      {view.overlap !== null && view.revealedRound === view.round && (
        <p className="notice notice-warning">
          Changing any answer now starts a new round for both of you: nothing new is shown until you
          have both submitted again.
        </p>
      )}
      {view.you.submitted && (
        <p className="muted talk-hint">
          You have submitted. Changing an answer takes your submission back; submit again when you
          are ready.
        </p>
      )}

      {groups.map((g) => (
        <section
          key={g.group}
          className="card stack talk-group"
          aria-labelledby={`group-${g.group}`}
        >
          <h3 id={`group-${g.group}`}>{g.title}</h3>
          <p className="muted talk-hint">{g.intro}</p>
          <ul className="plain talk-items">
            {g.items.map((item) => (
              <ItemAnswers
                key={item.id}
                item={item}
                answers={draft.answers}
                disabled={!editable}
                onRate={(role, rating) => {
                  rate(item.id, role, rating);
                }}
                onNote={(role, text) => {
                  note(item.id, role, text);
                }}
              />
            ))}
          </ul>
        </section>
      ))}

      {editable && <CustomItemForm items={view.catalogue.items} onAdd={add} />}

      <div className="card stack">
        <div className="row">
          <button
            type="button"
            className="btn"
            data-testid="answers-save"
            disabled={!editable || draft.state === 'saving'}
            onClick={() => void draft.save()}
          >
            Save
          </button>
          <span
            role="status"
            data-testid="answers-save-state"
            className={draft.state === 'saved' ? 'notice-ok' : 'muted'}
          >
            {SAVE_WORDS[draft.state]}
          </span>
        </div>
        {draft.error !== null && (
          <p className="notice notice-danger" role="alert">
            {draft.error}
          </p>
        )}
        <p className="talk-hint">
          When you are happy with your answers, submit them. Once you have both submitted, Redline
          shows you both only what you both welcome — nothing else.
        </p>
        <button
          type="button"
          className="btn btn-primary btn-large"
          data-testid="answers-submit"
          disabled={!editable || submittedAndSaved || draft.state === 'saving'}
          onClick={() => void submit()}
        >
          {submittedAndSaved ? 'Answers submitted' : 'Submit my answers'}
        </button>
        {submitError !== null && (
          <p className="notice notice-danger" role="alert">
            {submitError}
          </p>
        )}
      </div>
    </section>
  );
}
