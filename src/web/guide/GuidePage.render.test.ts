import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GuideLink } from './GuideLink';
import { GuidePage } from './GuidePage';
import { GUIDE_SECTIONS } from './sections';

const render = (section: string | null) =>
  renderToStaticMarkup(createElement(GuidePage, { section }));

describe('guide page', () => {
  it('links every part from the table of contents', () => {
    const html = render(null);
    const toc = /<nav[^>]*data-testid="guide-toc"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    for (const s of GUIDE_SECTIONS) expect(toc).toContain(`href="#/guide/${s.id}"`);
  });

  it('renders every part as a section with its id, test id and heading', () => {
    const html = render(null);
    for (const s of GUIDE_SECTIONS) {
      expect(html).toMatch(
        new RegExp(
          `<section id="guide-${s.id}" data-testid="guide-${s.id}"[^>]*><h2[^>]*>${s.title}</h2>`,
        ),
      );
    }
    expect(html.match(/<section /g)?.length).toBe(GUIDE_SECTIONS.length);
  });

  it('links back home', () => {
    expect(render(null)).toMatch(/<a [^>]*href="#\/"[^>]*data-testid="guide-back"/);
  });

  it('shows the reflective questions as text', () => {
    const html = render(null);
    expect(html).toContain('How do you usually feel right after an orgasm?');
    expect(html).toContain('Have you ever used a safeword or talked about boundaries?');
  });

  it('shows the whole guide for a known part, without a note', () => {
    const html = render('safewords');
    expect(html).not.toContain('data-testid="guide-unknown"');
    for (const s of GUIDE_SECTIONS) expect(html).toContain(`data-testid="guide-${s.id}"`);
  });

  it('shows the whole guide with a small note for an unknown part', () => {
    const html = render('no-such-part');
    expect(html).toContain('data-testid="guide-unknown"');
    for (const s of GUIDE_SECTIONS) expect(html).toContain(`data-testid="guide-${s.id}"`);
  });

  it('renders the words as escaped text, never as markup', () => {
    expect(render(null)).toContain('often called &quot;post-orgasm torture&quot;');
  });
});

describe('guide link', () => {
  it('links to one part of the guide', () => {
    const link = createElement(GuideLink, { section: 'aftercare', children: 'Aftercare and drop' });
    expect(renderToStaticMarkup(link)).toBe('<a href="#/guide/aftercare">Aftercare and drop</a>');
  });

  it('takes only the ids of the guide (checked by the type checker)', () => {
    // @ts-expect-error: 'nowhere' is not a part of the guide.
    const link = createElement(GuideLink, { section: 'nowhere', children: 'Somewhere' });
    expect(renderToStaticMarkup(link)).toContain('href="#/guide/nowhere"');
  });
});
