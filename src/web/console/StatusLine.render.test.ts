import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConnectionSnapshot } from '../net/connection';
import { inertConnection } from '../test-support/connection.test-support';
import { INITIAL_SNAPSHOT } from '../net/connection-types';
import { StatusLine } from './StatusLine';

const connection = inertConnection();

const render = (snapshot: Partial<ConnectionSnapshot>) =>
  renderToStaticMarkup(
    createElement(StatusLine, { connection, snapshot: { ...INITIAL_SNAPSHOT, ...snapshot } }),
  );

describe('the console status line', () => {
  it('says calmly that a scene ended, with nothing to retry and no refusal shown', () => {
    const html = render({
      status: 'ended',
      lastError: {
        code: 'ended',
        message: 'this scene has ended; its debrief and history are still there.',
      },
    });
    expect(html).toContain('data-status="ended"');
    expect(html).toContain('This scene has ended: it no longer moves any toy.');
    expect(html).toContain('notice-ok');
    expect(html).not.toContain('connection-retry');
    expect(html).not.toContain('Not done');
  });

  it('still offers a retry and shows the refusal when the server refused the screen', () => {
    const html = render({
      status: 'refused',
      lastError: { code: 'unauthorized', message: 'unknown scene or secret' },
    });
    expect(html).toContain('notice-danger');
    expect(html).toContain('connection-retry');
    expect(html).toContain('Not done: unknown scene or secret');
  });
});
