import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeView } from '../test-support/view.test-support';
import { Aftercare } from './Aftercare';

describe('the aftercare screen, afterwards', () => {
  it('links to the debrief and says when Redline checks in, calmly', () => {
    const view = makeView({
      phase: 'aftercare',
      stop: { cause: 'red', by: 'submissive', at: 9_000 },
    });
    const html = renderToStaticMarkup(createElement(Aftercare, { view, role: 'submissive' }));
    expect(html).toContain('data-testid="aftercare-debrief-link"');
    expect(html).toContain('href="#/debrief/scene-1"');
    expect(html).toContain('Debrief when you are ready');
    expect(html).toContain(
      'Redline will check in with you in about 3 hours, a day later and two days later',
    );
    // No permission is asked while rendering; without Notification there is no button either.
    expect(html).not.toContain('aftercare-remind');
  });
});
