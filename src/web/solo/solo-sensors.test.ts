import { describe, expect, it } from 'vitest';
import type { Effect } from '../../core/scene/effects';
import { makeView } from '../test-support/view.test-support';
import { NO_SENSOR_NEWS, sensorOrgasmNote, soloReadouts, soloSensorStep } from './solo-sensors';

const items = ['A sensor detected an orgasm (high confidence, 87 %).', 'If it happened, mark it.'];
const confirm: Effect = {
  type: 'prompt',
  at: 1000,
  prompt: 'confirm-orgasm',
  to: 'submissive',
  items,
};
const distress: Effect = { type: 'prompt', at: 1500, prompt: 'distress', to: 'submissive' };
const orgasm = (at: number, by: 'sensor' | 'submissive', count = 1): Effect => ({
  type: 'orgasm',
  at,
  count,
  by,
  early: false,
});

describe('soloSensorStep', () => {
  it('keeps the confirm-orgasm and distress prompts that solo addresses to the person alone', () => {
    const next = soloSensorStep(NO_SENSOR_NEWS, [confirm, distress]);
    expect(next.alerts).toEqual([
      { kind: 'confirm-orgasm', at: 1000, items },
      { kind: 'distress', at: 1500, items: [] },
    ]);
    expect(next.sensorOrgasm).toBeNull();
  });

  it('returns the same state when nothing concerns the sensors', () => {
    const phase: Effect = { type: 'phase', at: 1, phase: 'play', from: 'warm-up' };
    expect(soloSensorStep(NO_SENSOR_NEWS, [phase])).toBe(NO_SENSOR_NEWS);
  });

  it('notes an orgasm the sensor marked, and forgets it once one is marked by hand', () => {
    const bySensor = soloSensorStep(NO_SENSOR_NEWS, [orgasm(2000, 'sensor')]);
    expect(bySensor.sensorOrgasm).toEqual({ at: 2000, count: 1, early: false });
    expect(soloSensorStep(bySensor, [orgasm(3000, 'submissive', 2)]).sensorOrgasm).toBeNull();
    expect(soloSensorStep(NO_SENSOR_NEWS, [orgasm(2000, 'submissive')])).toEqual(NO_SENSOR_NEWS);
  });

  it('lets a marked orgasm answer the confirm prompt, and leaves distress', () => {
    const asked = soloSensorStep(NO_SENSOR_NEWS, [confirm, distress]);
    const marked = soloSensorStep(asked, [orgasm(4000, 'submissive')]);
    expect(marked.alerts.map((a) => a.kind)).toEqual(['distress']);
    expect(marked.sensorOrgasm).toBeNull();
  });
});

describe('sensorOrgasmNote', () => {
  const first = { at: 2000, count: 1, early: false };
  it('says calmly what follows, in the words of the phase', () => {
    expect(sensorOrgasmNote(first, makeView({ phase: 'orgasm' }))).toBe(
      'The sensor detected an orgasm: the post-orgasm phase follows as agreed.',
    );
    expect(sensorOrgasmNote(first, makeView({ phase: 'post-orgasm' }))).toMatch(/under way/);
  });

  it('counts a later one against the agreed number', () => {
    expect(sensorOrgasmNote({ ...first, count: 2 }, makeView({ phase: 'post-orgasm' }))).toBe(
      'The sensor detected another orgasm (2 of 2 agreed).',
    );
  });
});

describe('soloReadouts', () => {
  it('shows nothing without readings', () => {
    expect(soloReadouts(makeView(), 10_000)).toEqual({ pressure: null, heartRate: null });
  });

  it("uses the console's words for each reading", () => {
    const view = makeView({
      pressure: { value: 512, at: 8_000 },
      heartRate: { bpm: 84, at: 9_000 },
    });
    const words = soloReadouts(view, 10_000);
    expect(words.pressure?.value).toBe('512');
    expect(words.pressure?.warning).toBeNull();
    expect(words.heartRate?.value).toBe('84 bpm');
    expect(soloReadouts(view, 20_000).pressure?.warning).toMatch(/over 5 seconds/);
  });
});
