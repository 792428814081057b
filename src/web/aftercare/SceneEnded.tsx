/**
 * A scene page opened after the server let go of the scene (closed, or stopped and left for a
 * while): there is no live view to show, but the scene is not lost. Its debrief and history are
 * where they always are.
 */
export function SceneEnded({ sceneId }: { sceneId: string }) {
  const id = encodeURIComponent(sceneId);
  return (
    <section className="card stack" data-testid="scene-ended" aria-labelledby="scene-ended-title">
      <h2 id="scene-ended-title">This scene has ended</h2>
      <p>It no longer moves any toy. Everything it recorded is kept in History.</p>
      <div className="row">
        <a className="btn btn-primary" href={`#/debrief/${id}`} data-testid="scene-ended-debrief">
          Debrief when you are ready
        </a>
        <a className="btn" href={`#/history/${id}`} data-testid="scene-ended-history">
          See it in History
        </a>
      </div>
    </section>
  );
}
