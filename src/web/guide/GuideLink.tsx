import type { ReactNode } from 'react';
import { guideHref, type GuideSectionId } from './sections';

type Props = Readonly<{
  /** One of `GUIDE_SECTIONS`' ids: a typo is a type error, not a link that goes nowhere. */
  section: GuideSectionId;
  children: ReactNode;
  className?: string;
}>;

/** A link to one part of the guide, for any screen: `<GuideLink section="safewords">…`. */
export function GuideLink({ section, children, className }: Props) {
  return (
    <a href={guideHref(section)} className={className}>
      {children}
    </a>
  );
}
