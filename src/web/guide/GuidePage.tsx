import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { GUIDE_CONTENT, GUIDE_INTRO, type GuideBlock, type GuideItem } from './content';
import { GuideLink } from './GuideLink';
import {
  GUIDE_SECTIONS,
  guideHref,
  guideSectionTitle,
  guideTarget,
  type GuideSectionId,
} from './sections';
import './guide.css';

const sectionId = (id: GuideSectionId) => `guide-${id}`;
const headingId = (id: GuideSectionId) => `guide-${id}-title`;

/** Brings one part into view and moves focus to its heading, so a screen reader starts there. */
function showSection(heading: HTMLElement | null): void {
  if (heading === null) return;
  const section = heading.closest('section') ?? heading;
  section.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

function Item({ item }: { item: GuideItem }) {
  if (typeof item === 'string') return <li>{item}</li>;
  return (
    <li>
      <strong>{item.lead}</strong> {item.text}
    </li>
  );
}

function Block({ block, at }: { block: GuideBlock; at: GuideSectionId }) {
  switch (block.kind) {
    case 'p':
      return (
        <p>
          {block.lead !== undefined && (
            <>
              <strong>{block.lead}</strong>{' '}
            </>
          )}
          {block.text}
        </p>
      );
    case 'note':
      return (
        <p className="notice notice-warning guide-note">
          {block.lead !== undefined && (
            <>
              <strong>{block.lead}</strong>{' '}
            </>
          )}
          {block.text}
        </p>
      );
    case 'list':
      return (
        <ul className="guide-list">
          {block.items.map((item) => (
            <Item key={typeof item === 'string' ? item : item.lead} item={item} />
          ))}
        </ul>
      );
    case 'reflect':
      return (
        <aside className="guide-reflect" aria-label="Questions to think about">
          <p>{block.intro}</p>
          <ul className="guide-questions">
            {block.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
          <p className="guide-reflect-why">{block.why}</p>
        </aside>
      );
    case 'faq':
      return (
        <div className="guide-faq">
          {block.items.map((qa, i) => (
            <div className="guide-faq-item" key={qa.question}>
              <h3 id={`guide-${at}-q${i + 1}`}>{qa.question}</h3>
              {qa.answer.map((text) => (
                <p key={text}>{text}</p>
              ))}
            </div>
          ))}
        </div>
      );
    case 'see':
      return (
        <p className="guide-see">
          Read more:{' '}
          {block.ids.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <GuideLink section={id}>{guideSectionTitle(id)}</GuideLink>
            </span>
          ))}
          .
        </p>
      );
  }
}

function Contents({ headings }: { headings: RefObject<Map<GuideSectionId, HTMLElement>> }) {
  // The same link twice changes no hash, so the route does not move the page: do it here.
  const again = (event: MouseEvent<HTMLAnchorElement>, id: GuideSectionId) => {
    if (window.location.hash !== guideHref(id)) return;
    event.preventDefault();
    showSection(headings.current.get(id) ?? null);
  };
  return (
    <nav className="guide-toc" aria-labelledby="guide-toc-title" data-testid="guide-toc">
      <h2 id="guide-toc-title">Contents</h2>
      <ol>
        {GUIDE_SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={guideHref(s.id)}
              onClick={(event) => {
                again(event, s.id);
              }}
            >
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The guide: what post-orgasm play is and how careful players go about it, in Redline's words.
 * `section` (from `#/guide/<id>`) brings one part into view; an unknown one shows the whole guide
 * with a note.
 */
export function GuidePage({ section }: { section: string | null }) {
  const target = guideTarget(section);
  const headings = useRef(new Map<GuideSectionId, HTMLElement>());
  const targetId = target.kind === 'section' ? target.id : null;

  // A fresh screen for every route: open at the part asked for, or at the top (with the note).
  useEffect(() => {
    if (targetId !== null) showSection(headings.current.get(targetId) ?? null);
    else window.scrollTo(0, 0);
  }, [targetId]);

  return (
    <main className="page guide" data-testid="guide">
      <p className="guide-back">
        <a className="btn btn-quiet" href="#/" data-testid="guide-back">
          <span aria-hidden="true">←</span> Back
        </a>
      </p>

      <header className="guide-header">
        <h1>Guide</h1>
        {GUIDE_INTRO.map((text) => (
          <p key={text} className="guide-lede">
            {text}
          </p>
        ))}
      </header>

      {target.kind === 'unknown' && (
        <p className="notice notice-warning" role="status" data-testid="guide-unknown">
          That part of the guide was not found, so here is the whole guide.
        </p>
      )}

      <Contents headings={headings} />

      {GUIDE_SECTIONS.map((s) => (
        <section
          key={s.id}
          id={sectionId(s.id)}
          data-testid={sectionId(s.id)}
          className="guide-section"
          aria-labelledby={headingId(s.id)}
        >
          <h2
            id={headingId(s.id)}
            tabIndex={-1}
            ref={(element) => {
              if (element === null) headings.current.delete(s.id);
              else headings.current.set(s.id, element);
            }}
          >
            {s.title}
          </h2>
          {GUIDE_CONTENT[s.id].map((block, i) => (
            <Block key={`${block.kind}-${i}`} block={block} at={s.id} />
          ))}
        </section>
      ))}
    </main>
  );
}
