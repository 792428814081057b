import { useState } from 'react';
import { forgetCredentials, listStoredScenes, type StoredScene } from '../net/credentials';

function screenFor(scene: StoredScene): { href: string; label: string } {
  const id = encodeURIComponent(scene.sceneId);
  if (scene.role === 'dominant') return { href: `#/console/${id}`, label: 'Open the console' };
  if (scene.mode === 'solo') return { href: `#/solo/${id}`, label: 'Open the solo screen' };
  return { href: `#/panel/${id}`, label: 'Open the panel' };
}

/** Scenes this browser holds a secret for (kept only here, never sent anywhere but this server). */
export function StoredScenes() {
  const [scenes, setScenes] = useState(listStoredScenes);
  if (scenes.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="home-scenes">
      <h2 id="home-scenes">Scenes on this device</h2>
      <ul className="plain stack">
        {scenes.map((scene) => {
          const { href, label } = screenFor(scene);
          return (
            <li key={`${scene.sceneId}-${scene.role}`} className="row home-scene">
              <a
                className="btn"
                href={href}
                data-testid={`home-scene-${scene.sceneId}-${scene.role}`}
              >
                {label}
              </a>
              <span className="muted">
                {scene.role === 'dominant' ? 'console' : scene.mode === 'solo' ? 'solo' : 'panel'} ·{' '}
                <code>{scene.sceneId}</code>
              </span>
              <button
                type="button"
                className="btn"
                aria-label={`Forget scene ${scene.sceneId} on this device`}
                onClick={() => {
                  forgetCredentials(scene.sceneId);
                  setScenes(listStoredScenes());
                }}
              >
                Forget
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
