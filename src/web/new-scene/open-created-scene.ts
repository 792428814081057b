import { savePairing } from '../console/pairing-store';
import type { CreatedScene } from '../net/api';
import { saveCredentials } from '../net/credentials';
import { sceneRoute } from './new-scene-form';

/**
 * After the server created a scene: keep its credentials (and the panel's pairing code) in this
 * browser, then open it — the console for a pair, the solo screen alone. Shared by "Start a
 * scene" and starting one from a signed agreement.
 */
export function openCreatedScene(created: CreatedScene, mode: 'pair' | 'solo'): void {
  const { sceneId, role, secret, pairing } = created;
  saveCredentials(sceneId, { secret, role, lastSeq: 0, mode });
  if (pairing !== null) savePairing(sceneId, pairing);
  window.location.hash = sceneRoute(mode, sceneId);
}
