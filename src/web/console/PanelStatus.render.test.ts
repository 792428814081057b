import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeView } from '../test-support/view.test-support';
import type { SceneView } from '../../protocol/view';
import { PanelStatus } from './PanelStatus';

const render = (view: SceneView) =>
  renderToStaticMarkup(createElement(PanelStatus, { view, lastCheckIn: null }));

describe('panel status: heart rate', () => {
  it('says there is no reading yet', () => {
    expect(render(makeView({ heartRate: null }))).toContain('none yet (no strap connected)');
  });

  it('shows a fresh reading without a warning', () => {
    const html = render(makeView({ now: 10_000, heartRate: { bpm: 84, at: 8_000 } }));
    expect(html).toContain('84 bpm');
    expect(html).not.toContain('heart-rate-stale');
  });

  it('warns plainly when the reading is more than ten seconds old', () => {
    const html = render(makeView({ now: 30_000, heartRate: { bpm: 84, at: 8_000 } }));
    expect(html).toContain('84 bpm');
    expect(html).toContain('data-testid="heart-rate-stale"');
  });
});

describe('panel status: pressure', () => {
  it('says when there is no pressure sensor', () => {
    const html = render(makeView({ pressure: null }));
    expect(html).toContain('data-testid="console-pressure"');
    expect(html).toContain('no pressure sensor');
  });

  it('shows a fresh reading, and warns once it is more than five seconds old', () => {
    const fresh = render(makeView({ now: 10_000, pressure: { value: 512, at: 8_000 } }));
    expect(fresh).toContain('512');
    expect(fresh).not.toContain('console-pressure-stale');
    const stale = render(makeView({ now: 20_000, pressure: { value: 512, at: 8_000 } }));
    expect(stale).toContain('data-testid="console-pressure-stale"');
  });
});
