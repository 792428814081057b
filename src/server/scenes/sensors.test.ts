import { describe, expect, it } from 'vitest';
import { generateTrace } from '../../core';
import { pairAgreement } from '../../../test/fixtures/agreements';
import { createSceneSensors } from './sensors';

const withDistress = {
  ...pairAgreement,
  detection: {
    sensorOrgasm: 'ask-dominant' as const,
    distress: { hrCeilingBpm: 150, sustainSeconds: 10, action: 'red' as const },
  },
};

describe('a scene’s sensors', () => {
  it('turns heart rate above the agreed ceiling for the agreed time into one distress event', () => {
    const sensors = createSceneSensors(withDistress);
    const events = [];
    for (let t = 0; t <= 30_000; t += 1000) {
      const event = sensors.heartRate(t < 5000 ? 120 : 160, t);
      if (event !== null) events.push(event);
    }
    expect(events).toEqual([{ type: 'distress.detected', at: 15_000, by: 'sensor' }]);
  });

  it('reads no distress when the agreement asks for none', () => {
    const sensors = createSceneSensors(pairAgreement);
    for (let t = 0; t <= 60_000; t += 1000) expect(sensors.heartRate(200, t)).toBeNull();
  });

  it('turns a detected orgasm in a pressure trace into orgasm.detected, once', () => {
    const trace = generateTrace(
      {
        sampleRateHz: 20,
        durationMs: 180_000,
        orgasm: { regularSeries: true, intensity: 'intense' },
      },
      7,
    );
    const label = trace.labels.find((l) => l.type === 'orgasm');
    if (label === undefined) throw new Error('the trace has an orgasm');
    const sensors = createSceneSensors(pairAgreement);
    const events = trace.samples.flatMap((s) => {
      const event = sensors.pressure(s.pressure, Math.round(s.t_ms), s.output ?? 0);
      return event === null ? [] : [event];
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'orgasm.detected', by: 'sensor' });
    expect(events[0]?.at).toBeGreaterThanOrEqual(label.t_ms);
    expect(events[0]?.at).toBeLessThanOrEqual(label.end_ms);
  });

  it('ignores a reading that does not move time forward, or is not a number', () => {
    const sensors = createSceneSensors(pairAgreement);
    expect(sensors.pressure(100, 10, 0)).toBeNull();
    expect(sensors.pressure(100, 10, 0)).toBeNull();
    expect(sensors.pressure(Number.NaN, 20, 0)).toBeNull();
  });
});
