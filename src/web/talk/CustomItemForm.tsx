import { useState, type SyntheticEvent } from 'react';
import type { ActivityGroup, CatalogueItem } from '../../core';
import { GROUPS } from './catalogue-groups';
import { customItemId } from './custom-id';

export const LABEL_MAX = 80;
export const EXPLANATION_MAX = 200;

/**
 * The couple's own item. Both partners see it (not who added it); each rates it in private.
 * Items cannot be changed or removed once added, so answers about them stay valid.
 */
export function CustomItemForm({
  items,
  onAdd,
}: {
  items: readonly CatalogueItem[];
  onAdd: (item: {
    id: string;
    group: ActivityGroup;
    label: string;
    explanation: string;
  }) => Promise<string | null>;
}) {
  const [group, setGroup] = useState<ActivityGroup>('stimulation');
  const [label, setLabel] = useState('');
  const [explanation, setExplanation] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (busy) return;
    if (trimmed === '') {
      setMessage({ ok: false, text: 'Give the item a short name.' });
      return;
    }
    setBusy(true);
    const id = customItemId(
      trimmed,
      items.map((i) => i.id),
    );
    const failure = await onAdd({ id, group, label: trimmed, explanation: explanation.trim() });
    setBusy(false);
    if (failure === null) {
      setMessage({ ok: true, text: `Added “${trimmed}”. Rate it below like the others.` });
      setLabel('');
      setExplanation('');
    } else setMessage({ ok: false, text: failure });
  };

  return (
    <details className="card talk-custom">
      <summary>
        <h3>Add something of your own</h3>
      </summary>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <p className="muted talk-hint">
          Your partner will see it in the list too (not who added it), and you each rate it in
          private. An added item stays: it cannot be changed or removed later.
        </p>
        <label className="field">
          Group
          <select
            value={group}
            data-testid="custom-group"
            onChange={(e) => {
              setGroup(e.target.value as ActivityGroup);
            }}
          >
            {GROUPS.map((g) => (
              <option key={g.group} value={g.group}>
                {g.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Name
          <input
            value={label}
            maxLength={LABEL_MAX}
            data-testid="custom-label"
            onChange={(e) => {
              setLabel(e.target.value);
            }}
          />
        </label>
        <label className="field">
          Explanation (optional)
          <input
            value={explanation}
            maxLength={EXPLANATION_MAX}
            data-testid="custom-explanation"
            onChange={(e) => {
              setExplanation(e.target.value);
            }}
          />
        </label>
        {message !== null && (
          <p
            className={message.ok ? 'notice-ok' : 'notice notice-danger'}
            role={message.ok ? 'status' : 'alert'}
          >
            {message.text}
          </p>
        )}
        <button type="submit" className="btn" data-testid="custom-add" disabled={busy}>
          {busy ? 'Adding…' : 'Add to the list'}
        </button>
      </form>
    </details>
  );
}
