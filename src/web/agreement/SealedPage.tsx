import { lazy, Suspense } from 'react';

/** Route #/talk/:id/agreement/:hash: one signed agreement, printable and exportable. */
const SealedScreen = lazy(() =>
  import('./SealedScreen').then((m) => ({ default: m.SealedScreen })),
);

export function SealedPage({
  negotiationId,
  agreementHash,
}: {
  negotiationId: string;
  agreementHash: string;
}) {
  return (
    <Suspense
      fallback={
        <main className="page">
          <p className="muted">Opening the signed agreement…</p>
        </main>
      }
    >
      <SealedScreen negotiationId={negotiationId} agreementHash={agreementHash} />
    </Suspense>
  );
}
