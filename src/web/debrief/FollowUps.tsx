import { useEffect, useState } from 'react';
import { FOLLOW_UP_FEELINGS, type FollowUpFeeling } from '../../core/aftercare/follow-up-times';
import { loadCredentials, listStoredScenes } from '../net/credentials';
import { asSentence } from '../words/format';
import { answerFollowUp, readFollowUps } from './debrief-api';
import { FOLLOW_UP_WORDS } from './debrief-words';
import {
  dueCheckIns,
  nextDueAt,
  sceneDayWords,
  type DueCheckIn,
  type SceneFollowUps,
} from './follow-ups';
import { scheduleReminders } from './reminders';
import './debrief.css';

/**
 * The check-ins hours and days after a scene, on the home page: for each scene this browser took
 * part in, the follow-ups that are due and unanswered (by this device's clock). While the page is
 * open, the next one appears when it comes due, with a notification where permitted.
 */
export function FollowUps() {
  const [scenes, setScenes] = useState<SceneFollowUps[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [thanked, setThanked] = useState<FollowUpFeeling[]>([]);

  useEffect(() => {
    let live = true;
    const ids = [...new Set(listStoredScenes().map((s) => s.sceneId))];
    void Promise.all(
      ids.map(async (sceneId) => {
        const credentials = loadCredentials(sceneId);
        if (credentials === null) return null;
        const result = await readFollowUps(sceneId, credentials.secret);
        return result.ok ? { sceneId, view: result.value } : null;
      }),
    ).then((found) => {
      if (!live) return;
      setScenes(found.filter((f): f is SceneFollowUps => f !== null));
      setNow(Date.now());
    });
    return () => {
      live = false;
    };
  }, []);

  const next = nextDueAt(scenes, now);
  useEffect(() => {
    if (next === null) return;
    return scheduleReminders([next], Date.now(), () => {
      setNow(Date.now());
    });
  }, [next]);

  const due = dueCheckIns(scenes, now);
  if (due.length === 0 && thanked.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">Checking in</h2>
      {due.map((checkIn) => (
        <CheckIn
          key={checkIn.sceneId}
          checkIn={checkIn}
          now={now}
          onAnswered={(sceneId, view, feeling) => {
            setScenes((all) => all.map((s) => (s.sceneId === sceneId ? { sceneId, view } : s)));
            setThanked((all) => [...all, feeling]);
          }}
        />
      ))}
      {thanked.length > 0 && (
        <p role="status" data-testid="follow-up-thanks">
          Thank you for checking in.
          {thanked.some((f) => f === 'low' || f === 'tired')
            ? ' Be gentle with yourself today; it is fine to ask for company or for quiet.'
            : ''}
        </p>
      )}
      <DropNote />
    </section>
  );
}

function CheckIn({
  checkIn,
  now,
  onAnswered,
}: {
  checkIn: DueCheckIn;
  now: number;
  onAnswered: (sceneId: string, view: SceneFollowUps['view'], feeling: FollowUpFeeling) => void;
}) {
  const [feeling, setFeeling] = useState<FollowUpFeeling | ''>('');
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = `follow-up-${checkIn.sceneId}`;

  const send = async () => {
    const credentials = loadCredentials(checkIn.sceneId);
    if (credentials === null || feeling === '') return;
    setSending(true);
    setError(null);
    // One answer covers every check-in of the scene that has come due.
    let last: SceneFollowUps['view'] | null = null;
    for (const dueAt of checkIn.dueAt) {
      const result = await answerFollowUp(checkIn.sceneId, credentials.secret, dueAt, {
        feeling,
        ...(note.trim() === '' ? {} : { note }),
      });
      if (!result.ok) {
        setError(asSentence(result.error.message));
        break;
      }
      last = result.value;
    }
    setSending(false);
    if (last !== null) onAnswered(checkIn.sceneId, last, feeling);
  };

  return (
    <form
      className="stack follow-up"
      data-testid="follow-up"
      data-scene={checkIn.sceneId}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <fieldset className="debrief-question stack">
        <legend>How are you feeling after {sceneDayWords(checkIn.stoppedAt, now)}?</legend>
        <div className="follow-up-choices">
          {FOLLOW_UP_FEELINGS.map((f) => (
            <label key={f} className="check-row">
              <input
                type="radio"
                className="big-check"
                name={name}
                value={f}
                checked={feeling === f}
                data-testid={`follow-up-${f}`}
                onChange={() => {
                  setFeeling(f);
                }}
              />
              <span>{FOLLOW_UP_WORDS[f]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        A note for yourself (optional)
        <textarea
          rows={2}
          maxLength={1000}
          value={note}
          data-testid="follow-up-note"
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
      </label>
      <div className="row">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="follow-up-answer"
          disabled={feeling === '' || sending}
        >
          {sending ? 'Sending…' : 'Check in'}
        </button>
        <a className="btn btn-quiet" href={`#/debrief/${encodeURIComponent(checkIn.sceneId)}`}>
          Open the debrief
        </a>
      </div>
      {error !== null && (
        <p className="notice notice-danger" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** What drop can feel like, that it is common, and what helps. */
export function DropNote() {
  return (
    <div className="muted stack" data-testid="follow-up-drop">
      <p>
        Hours after a scene, or a day or two later, some people feel tired, low, tearful or a little
        distant. This is often called drop. It is common, it usually passes, and it does not mean
        anything went wrong.
      </p>
      <p>
        What helps: rest, water, something to eat, warmth, and reaching out to your partner or a
        friend. <a href="#/guide/aftercare">More in the guide</a>.
      </p>
    </div>
  );
}
