import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeView } from '../test-support/view.test-support';
import type { SceneView } from '../../protocol/view';
import { SceneActions } from './SceneActions';

const render = (view: SceneView) =>
  renderToStaticMarkup(createElement(SceneActions, { view, connection: null }));

/** The button's own markup: its classes and its words. */
function markOrgasm(html: string): string {
  const match = /<button[^>]*data-testid="console-mark-orgasm"[^>]*>[^<]*<\/button>/.exec(html);
  if (match === null) throw new Error('no mark-orgasm button');
  return match[0];
}

describe('scene actions', () => {
  it('offers "Mark orgasm" as a large button below the agreed number', () => {
    const button = markOrgasm(render(makeView({ orgasms: 1 })));
    expect(button).toContain('class="btn btn-large"');
    expect(button).toContain('>Mark orgasm<');
  });

  it('at the agreed number keeps marking available, small and saying that it stops the scene', () => {
    const html = render(makeView({ phase: 'post-orgasm', orgasms: 2 }));
    const button = markOrgasm(html);
    expect(button).toContain('class="btn btn-quiet"');
    expect(button).not.toContain('disabled');
    expect(button).toContain('>Mark another orgasm (stops the scene)<');
    expect(button).toContain('aria-describedby="orgasm-limit-hint"');
    expect(html).toContain('The agreed number of orgasms is reached (2 of 2).');
  });
});
