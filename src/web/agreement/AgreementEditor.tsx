import { useMemo, useState, type SyntheticEvent } from 'react';
import type { Agreement, OutputKind } from '../../core/agreement/agreement';
import type { ParticipantView } from '../../protocol/negotiation';
import { putDraft } from '../talk/negotiation-api';
import { asSentence } from '../words/format';
import { agreementToForm, type AgreementForm } from './agreement-form';
import { LimitsSection } from './EditorLimits';
import { SafetySection } from './EditorSafety';
import { checkForm, sortServerError } from './field-errors';
import { FieldError, Group, inputId, Toggle } from './form-fields';

export type Option = Readonly<{ id: string; label: string; hint?: string }>;

/**
 * The agreement editor: every field of the agreement in plain units, checked as it is typed by
 * the same rules the server applies, and saved as the shared draft.
 */
export function AgreementEditor({
  negotiationId,
  secret,
  base,
  activities,
  toys,
  kinds,
  hasDraft,
  onSaved,
}: {
  negotiationId: string;
  secret: string;
  base: Agreement;
  activities: readonly Option[];
  toys: readonly string[];
  kinds: readonly OutputKind[];
  hasDraft: boolean;
  onSaved: (view: ParticipantView) => void;
}) {
  const [form, setForm] = useState<AgreementForm>(() => agreementToForm(base, kinds));
  const [server, setServer] = useState<{ fields: Record<string, string>; general: string[] }>({
    fields: {},
    general: [],
  });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const checked = useMemo(() => checkForm(form, base), [form, base]);
  const fields = { ...server.fields, ...(checked.ok ? {} : checked.fields) };
  const general = [...(checked.ok ? [] : checked.general), ...server.general];

  const set = (change: Partial<AgreementForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setServer({ fields: {}, general: [] });
    setSaved(false);
  };

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!checked.ok) {
      const first = Object.keys(checked.fields)[0];
      if (first !== undefined) document.getElementById(inputId(first))?.focus();
      return;
    }
    setBusy(true);
    const result = await putDraft(negotiationId, secret, checked.value);
    setBusy(false);
    if (result.ok) {
      setSaved(true);
      onSaved(result.value);
      return;
    }
    if (result.error.status === 400) setServer(sortServerError(result.error.message));
    else setServer({ fields: {}, general: [asSentence(result.error.message)] });
  };

  const toggleIn = (list: readonly string[], item: string, on: boolean, order: readonly string[]) =>
    order.filter((x) => (x === item ? on : list.includes(x)));

  return (
    <form
      className="stack"
      data-testid="agreement-form"
      aria-labelledby="editor-title"
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <h2 id="editor-title">{hasDraft ? 'Change the draft' : 'Write the first draft'}</h2>
      <p className="muted">
        Prefilled with cautious limits and what you both welcomed. Everything here is a limit the
        app enforces; you can always agree on less.
      </p>
      <Group title="Activities" section="talk-first">
        {activities.length === 0 ? (
          <p className="muted">
            Nothing both of you welcomed yet. Rate the list on the talk page, then come back.
          </p>
        ) : (
          <>
            <p className="muted" id="f-activities-help">
              Only what you both welcomed. Untick anything you would rather leave out this time.
            </p>
            {activities.map((a) => (
              <Toggle
                key={a.id}
                id={`f-activity-${a.id.replace(/[^A-Za-z0-9]+/g, '-')}`}
                label={a.label}
                {...(a.hint === undefined ? {} : { hint: a.hint })}
                checked={form.activities.includes(a.id)}
                onChange={(on) => {
                  set({
                    activities: toggleIn(
                      form.activities,
                      a.id,
                      on,
                      activities.map((x) => x.id),
                    ),
                  });
                }}
              />
            ))}
          </>
        )}
        <FieldError path="activities" error={fields.activities} />
      </Group>
      <Group title="Toys" section="start-slow">
        {toys.length === 0 ? (
          <p className="muted">
            No toys are connected right now, so any toy of the allowed kinds may be used.
          </p>
        ) : (
          <>
            <p className="muted">
              Tick the toys you agree on. Leave all unticked to allow any toy of the allowed kinds.
            </p>
            {toys.map((name) => (
              <Toggle
                key={name}
                id={`f-toy-${name.replace(/[^A-Za-z0-9]+/g, '-')}`}
                label={name}
                checked={form.toys.includes(name)}
                onChange={(on) => {
                  set({ toys: toggleIn(form.toys, name, on, toys) });
                }}
              />
            ))}
          </>
        )}
        <FieldError path="toys" error={fields.toys} />
      </Group>
      <LimitsSection form={form} set={set} errors={fields} />
      <SafetySection form={form} set={set} errors={fields} />
      <div className="card stack save-box">
        <p className="muted">
          Saving a changed draft takes back both signatures: you both read it again and sign it
          again.
        </p>
        {general.length > 0 && (
          <div className="notice notice-danger" role="alert" data-testid="agreement-error">
            {general.map((g) => (
              <p key={g}>{asSentence(g)}</p>
            ))}
          </div>
        )}
        {Object.keys(fields).length > 0 && general.length === 0 && (
          <p className="notice notice-danger" role="alert" data-testid="agreement-error">
            Some fields need a change before saving: see the messages beside them.
          </p>
        )}
        {saved && (
          <p className="notice-ok" role="status">
            Draft saved.
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-large"
          data-testid="agreement-save"
          disabled={busy}
        >
          {busy ? 'Saving…' : 'Save draft'}
        </button>
      </div>
    </form>
  );
}
