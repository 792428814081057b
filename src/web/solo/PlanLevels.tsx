import type { SceneView } from '../../protocol/view';
import { explainHold } from '../console/explain-hold';
import { formatPercent } from '../words/format';
import { useSceneNow } from '../console/use-scene-now';
import { planGroups } from './plan-rows';

/** In solo the plan plays the dominant's part: its steps, and what each toy gets now. */
export function PlanLevels({ view }: { view: SceneView }) {
  const now = useSceneNow(view, 1000);
  const plan = view.agreement.plan;
  return (
    <section className="card stack" aria-labelledby="plan-title">
      <h2 id="plan-title">The plan</h2>
      <p className="muted">The agreed plan sets the levels; the limits still hold them.</p>
      {view.devices.flatMap((device) =>
        device.features.map((feature) => {
          const key = `${device.id}/${feature.id}`;
          const hold = explainHold(view, device.id, feature);
          return (
            <div key={key} className="intensity stack" data-held={hold?.reason ?? 'none'}>
              <p className="intensity-label">
                {device.name} · {feature.kind}
              </p>
              <div className="intensity-levels">
                <p>
                  <span className="muted">Plan</span>{' '}
                  <strong data-testid={`requested-${device.id}-${feature.id}`}>
                    {formatPercent(view.requested[key] ?? 0)}
                  </strong>
                </p>
                <p>
                  <span className="muted">Applied</span>{' '}
                  <strong data-testid={`applied-${device.id}-${feature.id}`}>
                    {formatPercent(view.applied[key] ?? 0)}
                  </strong>
                </p>
              </div>
              {hold !== null && <p className="notice notice-warning hold">{hold.words}</p>}
            </div>
          );
        }),
      )}
      {plan !== null && (
        <div className="plan-groups">
          {planGroups(plan, view.phase, now - view.phaseSince).map((group) => (
            <div key={group.phase}>
              <h3>{group.title}</h3>
              <ul className="plain">
                {group.rows.map((row, i) => (
                  <li
                    key={i}
                    className={row.current ? 'plan-row current' : 'plan-row'}
                    aria-current={row.current ? 'step' : undefined}
                  >
                    {row.at}: {row.level}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
