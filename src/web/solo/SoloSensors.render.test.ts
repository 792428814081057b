import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SceneView } from '../../protocol/view';
import type { SensorAlert } from '../console/sensor-alerts';
import { makeView } from '../test-support/view.test-support';
import type { SensorOrgasm } from './solo-sensors';
import { SoloSensors } from './SoloSensors';

const render = (
  view: SceneView,
  alerts: readonly SensorAlert[] = [],
  sensorOrgasm: SensorOrgasm | null = null,
) =>
  renderToStaticMarkup(
    createElement(SoloSensors, {
      view,
      connection: null,
      alerts,
      dismissAlert: () => undefined,
      sensorOrgasm,
    }),
  );

describe('solo sensors', () => {
  it('shows nothing without readings, alerts or a detected orgasm', () => {
    expect(render(makeView({ mode: 'solo' }))).toBe('');
  });

  it('shows the live pressure, and warns once it is stale', () => {
    const fresh = render(makeView({ now: 10_000, pressure: { value: 512, at: 9_000 } }));
    expect(fresh).toMatch(/data-testid="solo-pressure">512/);
    expect(fresh).not.toContain('solo-heart-rate');
    expect(fresh).not.toContain('solo-pressure-stale');
    const stale = render(makeView({ now: 20_000, pressure: { value: 512, at: 9_000 } }));
    expect(stale).toContain('data-testid="solo-pressure-stale"');
  });

  it('shows the heart rate when there is one', () => {
    const html = render(makeView({ now: 10_000, heartRate: { bpm: 84, at: 9_000 } }));
    expect(html).toMatch(/data-testid="solo-heart-rate">84 bpm/);
    expect(html).not.toContain('solo-pressure');
  });

  it('says calmly when the sensor marked the orgasm', () => {
    const html = render(makeView({ phase: 'orgasm', orgasms: 1 }), [], {
      at: 9_000,
      count: 1,
      early: false,
    });
    expect(html).toContain('data-testid="solo-sensor-orgasm"');
    expect(html).toContain(
      'The sensor detected an orgasm: the post-orgasm phase follows as agreed.',
    );
  });

  it('asks the person alone to confirm a detected orgasm with Mark orgasm, and shows distress', () => {
    const html = render(makeView({ mode: 'solo' }), [
      { kind: 'distress', at: 2, items: [] },
      { kind: 'confirm-orgasm', at: 1, items: ['A sensor detected an orgasm (87 %).'] },
    ]);
    expect(html).toContain('A sensor detected an orgasm (87 %).');
    expect(html).toContain('Mark orgasm');
    expect(html).toMatch(/role="alert" data-testid="console-distress"/);
    expect(html).not.toContain('solo-sensor-orgasm');
  });
});
