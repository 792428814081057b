import type { DeviceSpec } from '../../core/scene/events';
import type { CreateSceneRequest } from '../net/api';

/** The "new scene" form's values, checked before anything is sent. */
export type NewSceneForm = Readonly<{
  mode: 'pair' | 'solo';
  dominantName: string;
  submissiveName: string;
  deviceIds: readonly string[];
}>;

export type FormErrors = Partial<Record<'dominantName' | 'submissiveName' | 'devices', string>>;
export type Checked = { ok: true; body: CreateSceneRequest } | { ok: false; errors: FormErrors };

const MAX_NAME = 80;

function nameError(name: string, who: string): string | undefined {
  if (name === '') return `Please enter ${who}.`;
  if (name.length > MAX_NAME) return `Please keep ${who} to ${MAX_NAME} characters.`;
  return undefined;
}

export function checkNewScene(form: NewSceneForm, available: readonly DeviceSpec[]): Checked {
  const errors: FormErrors = {};
  const submissive = form.submissiveName.trim();
  const dominant = form.dominantName.trim();
  const receiverError = nameError(
    submissive,
    form.mode === 'solo' ? 'your name' : "the receiver's name",
  );
  if (receiverError !== undefined) errors.submissiveName = receiverError;
  if (form.mode === 'pair') {
    const dominantError = nameError(dominant, "the dominant's name");
    if (dominantError !== undefined) errors.dominantName = dominantError;
  }
  const known = new Set(available.map((d) => d.id));
  const devices = [...new Set(form.deviceIds)].filter((id) => known.has(id));
  if (devices.length === 0) errors.devices = 'Choose at least one device to use.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const names = form.mode === 'pair' ? { dominant, submissive } : { submissive };
  return { ok: true, body: { mode: form.mode, names, devices } };
}

/** Where the new scene is run from: the console for a pair, the solo screen alone. */
export function sceneRoute(mode: 'pair' | 'solo', sceneId: string): string {
  return `#/${mode === 'pair' ? 'console' : 'solo'}/${encodeURIComponent(sceneId)}`;
}
