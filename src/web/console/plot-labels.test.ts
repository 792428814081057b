import { describe, expect, it } from 'vitest';
import { plotOutputs, TIME_TICK_STEPS_MS, timeTickLabels } from './plot-labels';

describe('plot outputs', () => {
  it('names each output by its device and kind, not by ids', () => {
    const outputs = plotOutputs([
      {
        id: 'lovense-lush-0',
        name: 'Lovense Lush',
        features: [{ id: 'vibrate-0', kind: 'vibrate' }],
      },
      {
        id: 'lovense-nora-1',
        name: 'Lovense Nora',
        features: [
          { id: 'vibrate-0', kind: 'vibrate' },
          { id: 'rotate-1', kind: 'rotate' },
        ],
      },
    ]);
    expect(outputs).toEqual([
      { key: 'lovense-lush-0/vibrate-0', label: 'Lovense Lush · vibrate' },
      { key: 'lovense-nora-1/vibrate-0', label: 'Lovense Nora · vibrate' },
      { key: 'lovense-nora-1/rotate-1', label: 'Lovense Nora · rotate' },
    ]);
  });

  it('numbers two outputs of the same kind on one device', () => {
    const labels = plotOutputs([
      {
        id: 'edge',
        name: 'Edge',
        features: [
          { id: 'a', kind: 'vibrate' },
          { id: 'b', kind: 'vibrate' },
        ],
      },
    ]).map((o) => o.label);
    expect(labels).toEqual(['Edge · vibrate 1', 'Edge · vibrate 2']);
  });
});

describe('time ticks', () => {
  it('steps in whole seconds only', () => {
    expect(TIME_TICK_STEPS_MS.every((ms) => ms % 1000 === 0)).toBe(true);
  });

  it('reads m:ss and never repeats a label', () => {
    expect(timeTickLabels([0, 5000, 10_000, 65_000])).toEqual(['0:00', '0:05', '0:10', '1:05']);
    expect(timeTickLabels([6000, 6500, 7000, 7500])).toEqual(['0:06', '', '0:07', '']);
  });
});
