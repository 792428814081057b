import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SensorAlert } from './sensor-alerts';
import { SensorAlerts } from './SensorAlerts';

const render = (alerts: readonly SensorAlert[]) =>
  renderToStaticMarkup(
    createElement(SensorAlerts, { alerts, dismiss: () => undefined, connection: null }),
  );

describe('sensor alerts', () => {
  it('shows nothing without alerts', () => {
    expect(render([])).toBe('');
  });

  it('shows the confirm-orgasm items with a Mark orgasm button', () => {
    const html = render([
      { kind: 'confirm-orgasm', at: 1, items: ['A sensor detected an orgasm (87 %).'] },
    ]);
    expect(html).toContain('data-testid="console-confirm-orgasm"');
    expect(html).toContain('A sensor detected an orgasm (87 %).');
    expect(html).toContain('Mark orgasm');
  });

  it('shows distress as an alert', () => {
    const html = render([{ kind: 'distress', at: 1, items: [] }]);
    expect(html).toMatch(/role="alert" data-testid="console-distress"/);
  });
});
