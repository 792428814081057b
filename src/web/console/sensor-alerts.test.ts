import { describe, expect, it } from 'vitest';
import type { Effect } from '../../core/scene/effects';
import {
  addSensorAlerts,
  dismissSensorAlert,
  sensorAlertLines,
  sensorAlertWords,
} from './sensor-alerts';

const items = [
  'A sensor detected an orgasm (high confidence, 87 %).',
  'If it happened, mark it; otherwise carry on.',
];
const confirm: Effect = {
  type: 'prompt',
  at: 1000,
  prompt: 'confirm-orgasm',
  to: 'dominant',
  items,
};
const distress: Effect = { type: 'prompt', at: 2000, prompt: 'distress', to: 'dominant' };

describe('sensor alerts', () => {
  it('keeps confirm-orgasm and distress prompts addressed to this screen, with their items', () => {
    expect(addSensorAlerts([], [confirm, distress], 'dominant')).toEqual([
      { kind: 'confirm-orgasm', at: 1000, items },
      { kind: 'distress', at: 2000, items: [] },
    ]);
    expect(addSensorAlerts([], [confirm, distress], 'submissive')).toEqual([]);
  });

  it('ignores other prompts and effects, returning the same array', () => {
    const active = addSensorAlerts([], [confirm], 'dominant');
    const restraint: Effect = { type: 'prompt', at: 1, prompt: 'restraint-check', to: 'both' };
    const phase: Effect = { type: 'phase', at: 1, phase: 'play', from: 'warm-up' };
    expect(addSensorAlerts(active, [restraint, phase], 'dominant')).toBe(active);
  });

  it('replaces an older alert of the same kind and dismisses by kind', () => {
    const later = { ...confirm, at: 3000, items: ['again'] };
    const active = addSensorAlerts(addSensorAlerts([], [confirm], 'dominant'), [later], 'dominant');
    expect(active).toEqual([{ kind: 'confirm-orgasm', at: 3000, items: ['again'] }]);
    expect(dismissSensorAlert(active, 'confirm-orgasm')).toEqual([]);
  });

  it('shows the items, or plain fallback words when there are none', () => {
    expect(sensorAlertLines({ kind: 'confirm-orgasm', at: 0, items })).toEqual(items);
    expect(sensorAlertLines({ kind: 'distress', at: 0, items: [] })).toEqual([
      sensorAlertWords('distress').fallback,
    ]);
    expect(sensorAlertWords('confirm-orgasm').title).toMatch(/orgasm/i);
    expect(sensorAlertWords('distress').title).toMatch(/heart rate/i);
  });
});
