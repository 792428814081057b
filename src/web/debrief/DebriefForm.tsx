import {
  INTENSITY_ANSWERS,
  LIMIT_ANSWERS,
  LIMIT_KINDS,
  SIGNAL_ANSWERS,
  DEBRIEF_TEXT_MAX,
} from '../../core/aftercare/debrief';
import type { DebriefForm as Form } from './debrief-form';
import {
  FEELING_WORDS,
  INTENSITY_WORDS,
  LIMIT_KIND_WORDS,
  LIMIT_WORDS,
  QUESTIONS,
  SIGNAL_WORDS,
} from './debrief-words';

type Props = Readonly<{
  form: Form;
  onChange: (form: Form) => void;
  onSave: () => void;
  saving: boolean;
  status: string | null;
}>;

function Choices<T extends string>({
  name,
  legend,
  options,
  words,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: readonly T[];
  words: Readonly<Record<T, string>>;
  value: T | '';
  onChange: (value: T | '') => void;
}) {
  return (
    <fieldset className="debrief-question stack">
      <legend>{legend}</legend>
      <div className="debrief-choices">
        {options.map((option) => (
          <label key={option} className="check-row debrief-choice">
            <input
              type="radio"
              className="big-check"
              name={name}
              value={option}
              checked={value === option}
              data-testid={`debrief-${name}-${option}`}
              onChange={() => {
                onChange(option);
              }}
            />
            <span>{words[option]}</span>
          </label>
        ))}
      </div>
      {value !== '' && (
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => {
            onChange('');
          }}
        >
          Leave this one out
        </button>
      )}
    </fieldset>
  );
}

function Words({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field" htmlFor={`debrief-${id}`}>
      {label}
      <textarea
        id={`debrief-${id}`}
        data-testid={`debrief-${id}`}
        rows={3}
        maxLength={DEBRIEF_TEXT_MAX}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
    </label>
  );
}

const SCALE = ['1', '2', '3', '4', '5'] as const;
const SCALE_WORDS = Object.fromEntries(
  SCALE.map((s) => [s, FEELING_WORDS[Number(s)] ?? s]),
) as Record<(typeof SCALE)[number], string>;

/** The private answers: every question optional, saved only when the person says so. */
export function DebriefForm({ form, onChange, onSave, saving, status }: Props) {
  const set = (patch: Partial<Form>) => {
    onChange({ ...form, ...patch });
  };
  return (
    <form
      className="card stack debrief-form"
      data-testid="debrief-form"
      aria-labelledby="debrief-own-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h2 id="debrief-own-title">Your answers</h2>
      <p className="notice debrief-private" data-testid="debrief-private">
        <strong>Only you see this.</strong> Nothing here reaches your partner unless you choose to
        share it below. Answer as much or as little as you like.
      </p>

      <Choices
        name="scale"
        legend={QUESTIONS.feeling}
        options={SCALE}
        words={SCALE_WORDS}
        value={form.scale as (typeof SCALE)[number] | ''}
        onChange={(scale) => {
          set({ scale });
        }}
      />
      <Words
        id="words"
        label="In your own words (optional)"
        value={form.words}
        onChange={(words) => {
          set({ words });
        }}
      />

      <Choices
        name="intensity"
        legend={QUESTIONS.intensity}
        options={INTENSITY_ANSWERS}
        words={INTENSITY_WORDS}
        value={form.intensity}
        onChange={(intensity) => {
          set({ intensity });
        }}
      />

      <Choices
        name="limit"
        legend={QUESTIONS.limit}
        options={LIMIT_ANSWERS}
        words={LIMIT_WORDS}
        value={form.limit}
        onChange={(limit) => {
          set({ limit });
        }}
      />
      {(form.limit === 'approached' || form.limit === 'crossed') && (
        <fieldset className="debrief-question stack">
          <legend>Which?</legend>
          {LIMIT_KINDS.map((kind) => (
            <label key={kind} className="check-row">
              <input
                type="checkbox"
                className="big-check"
                checked={form.which.includes(kind)}
                data-testid={`debrief-which-${kind}`}
                onChange={(e) => {
                  set({
                    which: e.target.checked
                      ? LIMIT_KINDS.filter((k) => k === kind || form.which.includes(k))
                      : form.which.filter((k) => k !== kind),
                  });
                }}
              />
              <span>{LIMIT_KIND_WORDS[kind]}</span>
            </label>
          ))}
          <Words
            id="limit-note"
            label="What happened (optional)"
            value={form.limitNote}
            onChange={(limitNote) => {
              set({ limitNote });
            }}
          />
        </fieldset>
      )}

      <Choices
        name="signal"
        legend={QUESTIONS.signal}
        options={SIGNAL_ANSWERS}
        words={SIGNAL_WORDS}
        value={form.signal}
        onChange={(signal) => {
          set({ signal });
        }}
      />
      {form.signal === 'wanted-could-not' && (
        <Words
          id="why"
          label="What got in the way? (optional)"
          value={form.why}
          onChange={(why) => {
            set({ why });
          }}
        />
      )}

      <Words
        id="keep"
        label={QUESTIONS.keep}
        value={form.keep}
        onChange={(keep) => {
          set({ keep });
        }}
      />
      <Words
        id="change"
        label={QUESTIONS.change}
        value={form.change}
        onChange={(change) => {
          set({ change });
        }}
      />

      <button
        type="submit"
        className="btn btn-primary"
        data-testid="debrief-save"
        disabled={saving}
      >
        {saving ? 'Saving…' : 'Save my answers'}
      </button>
      {status !== null && (
        <p className="muted" role="status" data-testid="debrief-save-status">
          {status}
        </p>
      )}
    </form>
  );
}
