import { describe, expect, it } from 'vitest';
import { createTraceRecorder, type SceneTraces } from './trace-recorder';

type Written = Parameters<SceneTraces['reading']>[0] | Parameters<SceneTraces['stopTiming']>[0];

function recorder(options: { fail?: boolean; live?: () => boolean } = {}) {
  const written: Written[] = [];
  const reports: string[] = [];
  const traces: SceneTraces = {
    reading(r) {
      if (options.fail === true) throw new Error('disk full');
      written.push(r);
    },
    stopTiming(t) {
      if (options.fail === true) throw new Error('disk full');
      written.push(t);
    },
  };
  const r = createTraceRecorder({
    traces,
    report: (m) => reports.push(m),
    live: options.live ?? (() => true),
  });
  return { r, written, reports };
}

describe('the trace recorder', () => {
  it('keeps the latest pressure of each 200 ms window, and heart rate as it comes', () => {
    const { r, written } = recorder();
    // 15 Hz for one second: 15 samples, 5 windows.
    for (let i = 0; i < 15; i++) r.pressure(i * 66, 100 + i);
    r.heartRate(500, 88);
    r.flush();
    const pressures = written.filter((w) => 'kind' in w && w.kind === 'pressure');
    expect(pressures).toEqual([
      { at: 198, kind: 'pressure', value: 103 },
      { at: 396, kind: 'pressure', value: 106 },
      { at: 594, kind: 'pressure', value: 109 },
      { at: 792, kind: 'pressure', value: 112 },
      { at: 924, kind: 'pressure', value: 114 },
    ]);
    expect(written).toContainEqual({ at: 500, kind: 'heart-rate', value: 88 });
  });

  it('reports a failing store once, and never throws into the scene', () => {
    const { r, reports } = recorder({ fail: true });
    expect(() => {
      r.heartRate(1, 80);
      r.heartRate(2, 81);
      r.stopTiming(3, 1.5);
      r.pressure(4, 1);
      r.flush();
    }).not.toThrow();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/the scene goes on: disk full/);
  });

  it('writes nothing once the scene is gone', () => {
    let live = true;
    const { r, written } = recorder({ live: () => live });
    r.heartRate(1, 80);
    live = false;
    r.heartRate(2, 81);
    r.stopTiming(3, 1);
    expect(written).toEqual([{ at: 1, kind: 'heart-rate', value: 80 }]);
  });
});
