import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inertConnection } from '../test-support/connection.test-support';
import { HeartRateStrap } from './HeartRateStrap';

const connection = inertConnection();

const render = () => renderToStaticMarkup(createElement(HeartRateStrap, { connection }));

describe('heart-rate strap control, first paint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('says plainly that this browser cannot read a strap when Web Bluetooth is missing', () => {
    vi.stubGlobal('navigator', {});
    const html = render();
    expect(html).toContain('This browser cannot read a heart-rate strap.');
    expect(html).not.toContain('panel-hr-connect');
  });

  it('offers to connect a strap where Web Bluetooth exists', () => {
    const requestDevice = vi.fn();
    vi.stubGlobal('navigator', { bluetooth: { requestDevice } });
    const html = render();
    expect(html).toContain('data-testid="panel-hr-connect"');
    expect(html).toContain('Connect a heart-rate strap');
    // Nothing is asked of the browser until the person presses the button.
    expect(requestDevice).not.toHaveBeenCalled();
  });
});
