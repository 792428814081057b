import { lazy, Suspense } from 'react';

/**
 * Route #/history. The list folds every scene's log with the core's scene machine (zod and all),
 * so it loads only when this page opens: the panel's bundle does not grow.
 */
const HistoryList = lazy(() => import('./HistoryList').then((m) => ({ default: m.HistoryList })));

export function HistoryPage() {
  return (
    <Suspense
      fallback={
        <main className="page">
          <p className="muted">Opening past scenes…</p>
        </main>
      }
    >
      <HistoryList />
    </Suspense>
  );
}
