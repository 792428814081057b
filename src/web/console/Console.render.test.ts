import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConnectionSnapshot } from '../net/connection';
import { INITIAL_SNAPSHOT } from '../net/connection-types';
import { inertConnection } from '../test-support/connection.test-support';
import { makeView } from '../test-support/view.test-support';
import { Console } from './ConsolePage';

/** Renders the console to HTML in Node: no DOM, no effects, just what the first paint shows. */
function render(snapshot: Partial<ConnectionSnapshot>): string {
  const snap: ConnectionSnapshot = { ...INITIAL_SNAPSHOT, role: 'dominant', ...snapshot };
  return renderToStaticMarkup(
    createElement(Console, {
      sceneId: 'scene-1',
      connection: inertConnection(snap),
      snapshot: snap,
    }),
  );
}

describe('console first paint', () => {
  it('says a scene the server let go of has ended, without the not-connected alarm, and points to its debrief', () => {
    const html = render({ status: 'ended' });
    expect(html).toContain('data-testid="scene-ended"');
    expect(html).toContain('href="#/debrief/scene-1"');
    expect(html).toContain('href="#/history/scene-1"');
    expect(html).toContain('This scene has ended');
    expect(html).not.toContain('Not connected');
    expect(html).not.toContain('Waiting for the scene');
  });

  it('keeps the aftercare it showed when the scene ends while watched', () => {
    const stopped = makeView({ phase: 'stopped', stop: { cause: 'red', by: 'submissive', at: 5 } });
    const html = render({ status: 'ended', view: stopped });
    expect(html).toContain('data-testid="aftercare"');
    expect(html).not.toContain('data-testid="scene-ended"');
  });

  it('waits for the scene, not "ended", while it connects or is refused', () => {
    for (const status of ['connecting', 'reconnecting', 'refused'] as const) {
      const html = render({ status });
      expect(html, status).toContain('Waiting for the scene');
      expect(html, status).not.toContain('data-testid="scene-ended"');
    }
  });

  it('shows STOP while the scene runs, whatever the connection', () => {
    for (const status of ['open', 'reconnecting', 'ended'] as const) {
      const html = render({ status, view: makeView({ phase: 'play' }) });
      expect(html, status).toContain('console-stop-bar');
    }
  });
});
