import { lazy, Suspense } from 'react';

/**
 * Route #/debrief/:sceneId. The form validates nothing itself, but its choices come from the
 * core's debrief schema (zod), so the screen loads only when the page opens: the panel's bundle
 * does not grow.
 */
const DebriefScreen = lazy(() =>
  import('./DebriefScreen').then((m) => ({ default: m.DebriefScreen })),
);

export function DebriefPage({ sceneId }: { sceneId: string }) {
  return (
    <Suspense
      fallback={
        <main className="page">
          <p className="muted">Opening your debrief…</p>
        </main>
      }
    >
      <DebriefScreen sceneId={sceneId} />
    </Suspense>
  );
}
