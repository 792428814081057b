import { lazy, Suspense } from 'react';

/**
 * Route #/history/:sceneId. The timeline, the plot and the replay run the core's scene machine
 * in this browser, so they load only when this page opens: the panel's bundle does not grow.
 */
const SceneHistoryScreen = lazy(() =>
  import('./SceneHistoryScreen').then((m) => ({ default: m.SceneHistoryScreen })),
);

export function SceneHistoryPage({ sceneId }: { sceneId: string }) {
  return (
    <Suspense
      fallback={
        <main className="page">
          <p className="muted">Opening this scene…</p>
        </main>
      }
    >
      <SceneHistoryScreen sceneId={sceneId} />
    </Suspense>
  );
}
