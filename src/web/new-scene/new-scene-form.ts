import type { Agreement } from '../../core/agreement/agreement';
import type { DeviceSpec } from '../../core/scene/events';
import type { CreateSceneRequest } from '../net/api';

/**
 * The solo "new scene" form's values, checked before anything is sent. A scene for two starts
 * from the agreement both partners signed (the agreement page), not from here.
 */
export type NewSceneForm = Readonly<{
  name: string;
  deviceIds: readonly string[];
  /** A detected orgasm starts the post-orgasm course by itself (otherwise the person confirms). */
  sensorStarts: boolean;
  /** Stop when the heart rate stays high: the ceiling and how long, as typed. */
  distress: Readonly<{ on: boolean; bpm: string; seconds: string }>;
}>;

export type FormField = 'name' | 'devices' | 'bpm' | 'seconds';
export type FormErrors = Partial<Record<FormField, string>>;
export type Checked = { ok: true; body: CreateSceneRequest } | { ok: false; errors: FormErrors };

const MAX_NAME = 80;

/** A whole number typed in a field, within bounds, or the sentence saying what is wrong. */
function wholeNumber(text: string, min: number, max: number, unit: string): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value))
    return `Please enter a whole number of ${unit}.`;
  if (value < min || value > max) return `Please choose ${min} to ${max} ${unit}.`;
  return value;
}

export function checkNewScene(form: NewSceneForm, available: readonly DeviceSpec[]): Checked {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'Please enter your name.';
  else if (name.length > MAX_NAME) errors.name = `Please keep your name to ${MAX_NAME} characters.`;
  const known = new Set(available.map((d) => d.id));
  const devices = [...new Set(form.deviceIds)].filter((id) => known.has(id));
  if (devices.length === 0) errors.devices = 'Choose at least one device to use.';
  let distress: NonNullable<Agreement['detection']>['distress'] = null;
  if (form.distress.on) {
    const bpm = wholeNumber(form.distress.bpm, 80, 220, 'beats per minute');
    const seconds = wholeNumber(form.distress.seconds, 5, 300, 'seconds');
    if (typeof bpm === 'string') errors.bpm = bpm;
    if (typeof seconds === 'string') errors.seconds = seconds;
    if (typeof bpm === 'number' && typeof seconds === 'number')
      distress = { hrCeilingBpm: bpm, sustainSeconds: seconds, action: 'red' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const detection: Agreement['detection'] =
    form.sensorStarts || distress !== null
      ? { sensorOrgasm: form.sensorStarts ? 'start-post-orgasm' : 'ask-dominant', distress }
      : undefined;
  return {
    ok: true,
    body: {
      mode: 'solo',
      names: { submissive: name },
      devices,
      ...(detection === undefined ? {} : { detection }),
    },
  };
}

/** Where the new scene is run from: the console for a pair, the solo screen alone. */
export function sceneRoute(mode: 'pair' | 'solo', sceneId: string): string {
  return `#/${mode === 'pair' ? 'console' : 'solo'}/${encodeURIComponent(sceneId)}`;
}
