import { useState } from 'react';
import type { Connection } from '../net/connection';
import type { SceneView } from '../../protocol/view';
import { limitTargets } from './lower-limit';

/**
 * Lower a limit mid-scene. Only narrower values are offered (S3); widening one needs a new
 * agreement signed by both.
 */
export function LowerLimit({
  view,
  connection,
}: {
  view: SceneView;
  connection: Connection | null;
}) {
  const targets = limitTargets(view.limits);
  const [targetId, setTargetId] = useState('');
  const [optionIndex, setOptionIndex] = useState(0);
  const [sent, setSent] = useState<string | null>(null);
  const target = targets.find((t) => t.id === targetId) ?? targets[0];
  if (target === undefined) return null;
  const option = target.options[Math.min(optionIndex, target.options.length - 1)];

  return (
    <section className="card stack" aria-labelledby="lower-title">
      <h2 id="lower-title">Lower a limit</h2>
      <p className="muted">
        Either of you may lower a limit at any time. Raising one needs a new agreement signed by
        both, before a scene.
      </p>
      <div className="row">
        <label className="field">
          Limit
          <select
            data-testid="lower-limit-target"
            value={target.id}
            onChange={(event) => {
              setTargetId(event.target.value);
              setOptionIndex(0);
              setSent(null);
            }}
          >
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label} (now {t.current})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Lower to
          <select
            data-testid="lower-limit-value"
            value={Math.min(optionIndex, target.options.length - 1)}
            onChange={(event) => {
              setOptionIndex(Number(event.target.value));
              setSent(null);
            }}
          >
            {target.options.map((o, i) => (
              <option key={o.label} value={i}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button
        type="button"
        className="btn"
        data-testid="lower-limit-submit"
        disabled={option === undefined || connection === null}
        onClick={() => {
          if (option === undefined || connection === null) return;
          const seq = connection.send({ type: 'limit.lower', limit: option.change });
          setOptionIndex(0);
          setSent(
            seq === null
              ? 'Not sent: not connected.'
              : `Asked to lower the ${target.label.toLowerCase()} to ${option.label}. The limits in force show the result.`,
          );
        }}
      >
        Lower
      </button>
      {sent !== null && (
        <p className="muted" role="status">
          {sent}
        </p>
      )}
    </section>
  );
}
