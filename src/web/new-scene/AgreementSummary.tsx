import type { Agreement } from '../../core/agreement/agreement';
import { summarizeAgreement } from './agreement-summary';

/** A solo scene's agreement: the cautious defaults, read-only (a couple writes their own). */
export function AgreementSummary({ agreement }: { agreement: Agreement }) {
  return (
    <section
      className="card stack"
      aria-labelledby="agreement-title"
      data-testid="agreement-summary"
    >
      <h2 id="agreement-title">The agreement for this scene</h2>
      <p className="muted">
        Cautious defaults, the same for everyone playing alone: low ceilings, a slow ramp and a
        short time after orgasm. RED on your screen stops everything at any moment.
      </p>
      {summarizeAgreement(agreement).map((group) => (
        <div key={group.id}>
          <h3>{group.title}</h3>
          <ul>
            {group.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
