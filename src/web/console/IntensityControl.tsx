import { useEffect, useRef, useState } from 'react';
import type { FeatureSpec } from '../../core/scene/events';
import type { Connection } from '../net/connection';
import type { SceneView } from '../../protocol/view';
import { explainHold } from './explain-hold';
import { formatPercent, fromPercent, toPercent } from '../words/format';
import { createThrottle, INTENSITY_INTERVAL_MS, type Throttle } from './throttle';

/** How long after a local change the slider ignores views that may predate it. */
const SETTLE_MS = 600;

/**
 * One output's control: a slider for the level asked for, and beside it what the governor let
 * through, with the reason when that is lower. Frames go out at most 20 a second.
 */
export function IntensityControl({
  view,
  connection,
  device,
  feature,
}: {
  view: SceneView;
  connection: Connection | null;
  device: { id: string; name: string };
  feature: FeatureSpec;
}) {
  const key = `${device.id}/${feature.id}`;
  const requested = view.requested[key] ?? 0;
  const applied = view.applied[key] ?? 0;
  const [value, setValue] = useState(() => toPercent(requested));
  const touchedAt = useRef(Number.NEGATIVE_INFINITY);
  const throttle = useRef<Throttle<number> | null>(null);

  useEffect(() => {
    const t = createThrottle(INTENSITY_INTERVAL_MS, (level: number) => {
      connection?.send({ type: 'intensity', device: device.id, feature: feature.id, value: level });
    });
    throttle.current = t;
    return () => {
      // A level still waiting is dropped: after a stop it would only be refused.
      t.cancel();
      throttle.current = null;
    };
  }, [connection, device.id, feature.id]);

  // Follow the server (a stop clears every request) unless the person is moving the slider.
  useEffect(() => {
    if (performance.now() - touchedAt.current > SETTLE_MS) setValue(toPercent(requested));
  }, [requested]);

  const hold = explainHold(view, device.id, feature);
  const id = `intensity-${device.id}-${feature.id}`;
  return (
    <div className="intensity card stack" data-held={hold?.reason ?? 'none'}>
      <label htmlFor={id} className="intensity-label">
        {device.name} · {feature.kind}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={value}
        data-testid={`console-intensity-${device.id}-${feature.id}`}
        aria-valuetext={`${value} percent asked`}
        onChange={(event) => {
          const percent = Number(event.target.value);
          touchedAt.current = performance.now();
          setValue(percent);
          throttle.current?.push(fromPercent(percent));
        }}
      />
      <div className="intensity-levels" aria-live="polite">
        <p>
          <span className="muted">Asked</span>{' '}
          <strong data-testid={`requested-${device.id}-${feature.id}`}>
            {formatPercent(requested)}
          </strong>
        </p>
        <p>
          <span className="muted">Applied</span>{' '}
          <strong data-testid={`applied-${device.id}-${feature.id}`}>
            {formatPercent(applied)}
          </strong>
        </p>
      </div>
      <div className="level-bars" aria-hidden="true">
        <div className="bar bar-requested" style={{ width: `${toPercent(requested)}%` }} />
        <div className="bar bar-applied" style={{ width: `${toPercent(applied)}%` }} />
      </div>
      {hold !== null && (
        <p className="notice notice-warning hold" data-testid={`hold-${device.id}-${feature.id}`}>
          {hold.words}
        </p>
      )}
    </div>
  );
}
