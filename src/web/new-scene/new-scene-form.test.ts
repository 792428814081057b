import { describe, expect, it } from 'vitest';
import { checkNewScene, sceneRoute } from './new-scene-form';

const devices = [
  { id: 'wand', name: 'Wand', features: [{ id: 'v', kind: 'vibrate' as const }] },
  { id: 'egg', name: 'Egg', features: [{ id: 'v', kind: 'vibrate' as const }] },
];
const form = {
  mode: 'pair' as const,
  dominantName: ' Alex ',
  submissiveName: 'Sam',
  deviceIds: ['wand'],
};

describe('checkNewScene', () => {
  it('builds the request with trimmed names', () => {
    expect(checkNewScene(form, devices)).toEqual({
      ok: true,
      body: { mode: 'pair', names: { dominant: 'Alex', submissive: 'Sam' }, devices: ['wand'] },
    });
  });

  it('needs only the person’s name when solo', () => {
    const solo = { ...form, mode: 'solo' as const, dominantName: '' };
    expect(checkNewScene(solo, devices)).toEqual({
      ok: true,
      body: { mode: 'solo', names: { submissive: 'Sam' }, devices: ['wand'] },
    });
  });

  it('names every problem at once', () => {
    const result = checkNewScene(
      { ...form, dominantName: '  ', submissiveName: '', deviceIds: [] },
      devices,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual([
        'devices',
        'dominantName',
        'submissiveName',
      ]);
  });

  it('drops unknown and repeated devices', () => {
    const result = checkNewScene({ ...form, deviceIds: ['wand', 'ghost', 'wand'] }, devices);
    expect(result.ok && result.body.devices).toEqual(['wand']);
    expect(checkNewScene({ ...form, deviceIds: ['ghost'] }, devices).ok).toBe(false);
  });

  it('refuses overlong names', () => {
    expect(checkNewScene({ ...form, submissiveName: 'x'.repeat(81) }, devices).ok).toBe(false);
  });
});

describe('sceneRoute', () => {
  it('sends a pair to the console and solo to its own screen', () => {
    expect(sceneRoute('pair', 'abc')).toBe('#/console/abc');
    expect(sceneRoute('solo', 'abc')).toBe('#/solo/abc');
  });
});
