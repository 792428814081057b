import { useEffect, useState, type RefObject } from 'react';

/**
 * True while the element matching `selector` inside `ref` (or `ref` itself) is scrolled out of
 * the viewport; false where that cannot be known. `key` re-finds the element when it changes.
 */
export function useOutOfView(
  ref: RefObject<Element | null>,
  selector: string,
  key: unknown,
): boolean {
  const [out, setOut] = useState(false);
  useEffect(() => {
    const root = ref.current;
    if (root === null || typeof IntersectionObserver === 'undefined') return undefined;
    const el = root.querySelector(selector) ?? root;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry !== undefined) setOut(!entry.isIntersecting);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, [ref, selector, key]);
  return out;
}
