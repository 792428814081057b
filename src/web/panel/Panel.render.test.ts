import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConnectionSnapshot } from '../net/connection';
import { inertConnection } from '../test-support/connection.test-support';
import { INITIAL_SNAPSHOT } from '../net/connection-types';
import { makeView } from '../test-support/view.test-support';
import type { SceneView } from '../../protocol/view';
import { Panel } from './Panel';

/** Renders the panel to HTML in Node: no DOM, no effects, just what the first paint shows. */
function render(snapshot: Partial<ConnectionSnapshot>): string {
  const snap: ConnectionSnapshot = { ...INITIAL_SNAPSHOT, ...snapshot };
  const connection = inertConnection(snap);
  return renderToStaticMarkup(
    createElement(Panel, { sceneId: 'scene-1', connection, snapshot: snap }),
  );
}

const open = (view: SceneView) => render({ status: 'open', role: 'submissive', view });

describe('panel first paint', () => {
  it('S4: shows RED in every phase and every connection state', () => {
    const phases = [
      'setup',
      'warm-up',
      'play',
      'orgasm',
      'post-orgasm',
      'stopped',
      'aftercare',
      'debrief',
      'closed',
    ] as const;
    for (const phase of phases)
      expect(open(makeView({ phase }))).toContain('data-testid="panel-red"');
    for (const status of ['connecting', 'reconnecting', 'refused', 'ended'] as const)
      expect(render({ status })).toContain('data-testid="panel-red"');
  });

  it('warns plainly while not connected', () => {
    const html = render({ status: 'reconnecting' });
    expect(html).toContain('Not connected — your stop may not reach the toys.');
    expect(html).toContain('data-testid="connection-status"');
    expect(open(makeView())).not.toContain('Not connected — your stop');
  });

  it('says a scene that ended ended, without the not-connected alarm, and points to its debrief', () => {
    const html = render({ status: 'ended' });
    expect(html).toContain('data-testid="scene-ended"');
    expect(html).toContain('href="#/debrief/scene-1"');
    expect(html).toContain('href="#/history/scene-1"');
    expect(html).toContain('Scene ended');
    expect(html).not.toContain('Not connected');
    expect(html).not.toContain('Waiting for the scene');
    expect(html).not.toContain('data-testid="panel-yellow"');
    // Ended while watched: the aftercare it showed stays.
    const stopped = makeView({ phase: 'stopped', stop: { cause: 'red', by: 'submissive', at: 5 } });
    const watched = render({ status: 'ended', view: stopped });
    expect(watched).toContain('data-testid="aftercare"');
    expect(watched).not.toContain('data-testid="scene-ended"');
    expect(render({ status: 'refused' })).not.toContain('scene-ended');
  });

  it('asks the check-in question while one is open', () => {
    const html = open(makeView({ checkIn: { nextDueAt: null, promptedAt: 9000 } }));
    expect(html).toContain('Check-in: how are you?');
    expect(html).toContain('aria-label="Green: All good"');
  });

  it('offers the test stop in set-up, with its result', () => {
    // The server's words are a clause ('every device confirmed the stop'): shown as a sentence.
    const at = { at: 1, ok: true, message: 'every device confirmed the stop' };
    const html = open(
      makeView({
        phase: 'setup',
        setup: { checklist: [], checked: [], testStop: at, missing: [] },
      }),
    );
    expect(html).toContain('data-testid="panel-test-stop"');
    expect(html).toContain('Test stop worked. Every device confirmed the stop.');
    expect(open(makeView())).not.toContain('panel-test-stop');
  });

  it('shows aftercare after a stop, with red still there and no yellow or green', () => {
    const html = open(
      makeView({ phase: 'aftercare', stop: { cause: 'red', by: 'submissive', at: 5000 } }),
    );
    expect(html).toContain('data-testid="aftercare"');
    expect(html).toContain('Kai called red.');
    expect(html).toContain('data-testid="panel-red"');
    expect(html).not.toContain('data-testid="panel-yellow"');
  });

  it('shows the agreed hold area and tap pattern', () => {
    const html = open(makeView());
    expect(html).toContain('data-testid="panel-hold"');
    expect(html).toContain('data-testid="panel-taps"');
    expect(html).toContain('data-testid="phase"');
  });
});
