import type { Agreement } from '../../core/agreement/agreement';
import { summarizeAgreement } from './agreement-summary';

/** The cautious default agreement, read-only, until the full negotiation arrives. */
export function AgreementSummary({ agreement }: { agreement: Agreement }) {
  return (
    <section
      className="card stack"
      aria-labelledby="agreement-title"
      data-testid="agreement-summary"
    >
      <h2 id="agreement-title">The agreement for this scene</h2>
      <p className="muted">
        A cautious default, the same for everyone for now. Talking it through and setting your own
        limits together comes in a later version; until then, talk before you start and agree that
        either of you can stop at any time.
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
