/**
 * A scene this browser holds no secret for: it cannot run it (P2), and says where to go instead.
 * Shared by the console and the solo screen.
 */
export function MissingSecret({ title, explanation }: { title: string; explanation: string }) {
  return (
    <main className="page stack">
      <h1>{title}</h1>
      <p className="notice notice-warning" role="alert">
        {explanation}
      </p>
      <p className="row">
        <a className="btn btn-primary" href="#/new">
          Create a new scene
        </a>
        <a className="btn" href="#/">
          Home
        </a>
      </p>
    </main>
  );
}
