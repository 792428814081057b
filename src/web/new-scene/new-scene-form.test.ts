import { describe, expect, it } from 'vitest';
import { checkNewScene, sceneRoute, type NewSceneForm } from './new-scene-form';

const devices = [
  { id: 'wand', name: 'Wand', features: [{ id: 'v', kind: 'vibrate' as const }] },
  { id: 'egg', name: 'Egg', features: [{ id: 'v', kind: 'vibrate' as const }] },
];
const form: NewSceneForm = {
  name: ' Rin ',
  deviceIds: ['wand'],
  sensorStarts: false,
  distress: { on: false, bpm: '150', seconds: '20' },
};

describe('checkNewScene (solo)', () => {
  it('builds the request with the trimmed name, and no detection when nothing is chosen', () => {
    expect(checkNewScene(form, devices)).toEqual({
      ok: true,
      body: { mode: 'solo', names: { submissive: 'Rin' }, devices: ['wand'] },
    });
  });

  it('lets a sensor start the post-orgasm course, and stops on a sustained high heart rate', () => {
    const chosen = {
      ...form,
      sensorStarts: true,
      distress: { on: true, bpm: '150', seconds: '20' },
    };
    expect(checkNewScene(chosen, devices)).toEqual({
      ok: true,
      body: {
        mode: 'solo',
        names: { submissive: 'Rin' },
        devices: ['wand'],
        detection: {
          sensorOrgasm: 'start-post-orgasm',
          distress: { hrCeilingBpm: 150, sustainSeconds: 20, action: 'red' },
        },
      },
    });
    const askOnly = { ...form, distress: { on: true, bpm: '150', seconds: '20' } };
    const asked = checkNewScene(askOnly, devices);
    expect(asked.ok && asked.body.detection?.sensorOrgasm).toBe('ask-dominant');
  });

  it('names every problem at once', () => {
    const result = checkNewScene(
      { ...form, name: '  ', deviceIds: [], distress: { on: true, bpm: '300', seconds: 'x' } },
      devices,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'Please enter your name.',
        devices: 'Choose at least one device to use.',
        bpm: 'Please choose 80 to 220 beats per minute.',
        seconds: 'Please enter a whole number of seconds.',
      },
    });
  });

  it('ignores the heart-rate fields while that choice is off', () => {
    const off = { ...form, distress: { on: false, bpm: 'nonsense', seconds: '' } };
    expect(checkNewScene(off, devices).ok).toBe(true);
  });

  it('drops unknown and repeated devices', () => {
    const result = checkNewScene({ ...form, deviceIds: ['wand', 'ghost', 'wand'] }, devices);
    expect(result.ok && result.body.devices).toEqual(['wand']);
    expect(checkNewScene({ ...form, deviceIds: ['ghost'] }, devices).ok).toBe(false);
  });

  it('refuses overlong names', () => {
    expect(checkNewScene({ ...form, name: 'x'.repeat(81) }, devices).ok).toBe(false);
  });
});

describe('sceneRoute', () => {
  it('sends a pair to the console and solo to its own screen', () => {
    expect(sceneRoute('pair', 'abc')).toBe('#/console/abc');
    expect(sceneRoute('solo', 'abc')).toBe('#/solo/abc');
  });
});
