import { useState } from 'react';
import {
  loadReflection,
  REFLECTIVE_QUESTIONS,
  saveReflection,
  type Reflection,
} from './reflection';

/**
 * Two questions to think about before answering. Notes are optional, kept in this browser only
 * and never sent anywhere.
 */
export function ReflectiveQuestions({
  negotiationId,
  open,
}: {
  negotiationId: string;
  open: boolean;
}) {
  const [notes, setNotes] = useState<Reflection>(() => loadReflection(negotiationId));
  // Opened or closed by the person from then on: a later answer must not fold it mid-sentence.
  const [isOpen, setOpen] = useState(open);
  const change = (next: Reflection) => {
    setNotes(next);
    saveReflection(negotiationId, next);
  };
  return (
    <details
      className="card talk-reflection"
      open={isOpen}
      data-testid="reflective-questions"
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
      }}
    >
      <summary>
        <h2>Before you answer</h2>
      </summary>
      <div className="stack">
        <p>
          Two questions to think about, on your own. There are no right answers, and nobody asks you
          for them.
        </p>
        {REFLECTIVE_QUESTIONS.map((q) => (
          <label key={q.key} className="field">
            {q.text}
            <textarea
              rows={3}
              maxLength={2000}
              value={notes[q.key]}
              data-testid={`reflection-${q.key}`}
              onChange={(e) => {
                change({ ...notes, [q.key]: e.target.value });
              }}
            />
          </label>
        ))}
        <p className="muted talk-hint">
          Notes here are for you only: they stay in this browser and are never sent — not to your
          partner, not even to Redline’s server. Writing them is optional.
        </p>
        {(notes.afterOrgasm !== '' || notes.boundaries !== '') && (
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => {
              change({ afterOrgasm: '', boundaries: '' });
            }}
          >
            Clear my notes
          </button>
        )}
      </div>
    </details>
  );
}
