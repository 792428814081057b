import { lazy, Suspense } from 'react';

/**
 * Route #/talk/:id/agreement. The editor, the rehearsal and signing use the core's validation
 * and scene machine (zod and all), so they load only when this page opens: the panel's bundle
 * does not grow.
 */
const AgreementScreen = lazy(() =>
  import('./AgreementScreen').then((m) => ({ default: m.AgreementScreen })),
);

export function AgreementPage({ negotiationId }: { negotiationId: string }) {
  return (
    <Suspense
      fallback={
        <main className="page">
          <p className="muted">Opening your agreement…</p>
        </main>
      }
    >
      <AgreementScreen negotiationId={negotiationId} />
    </Suspense>
  );
}
