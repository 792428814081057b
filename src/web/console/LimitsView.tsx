import type { SceneView } from '../../protocol/view';
import { limitLines } from './limit-lines';

/** The agreed limits as they stand now (lowered ones included), always in view. */
export function LimitsView({ view }: { view: SceneView }) {
  return (
    <section className="card" aria-labelledby="limits-title">
      <h2 id="limits-title">Limits in force</h2>
      <dl className="limits" data-testid="limits">
        {limitLines(view.limits, view.orgasms).map((line) => (
          <div key={line.id} className="limit">
            <dt>{line.label}</dt>
            <dd data-testid={`limit-${line.id}`}>{line.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
