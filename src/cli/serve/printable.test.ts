import { describe, expect, it } from 'vitest';
import { printable } from './printable';

describe('printable', () => {
  it('shows control characters instead of passing them to the terminal', () => {
    const hostile = 'Lush\u001b[2J\u001b]0;owned\u0007\nredline serve: all clear\r\u009b';
    const shown = printable(hostile);
    expect(shown).toBe(
      'Lush\\u001b[2J\\u001b]0;owned\\u0007\\u000aredline serve: all clear\\u000d\\u009b',
    );
    // eslint-disable-next-line no-control-regex -- what must not be left
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('leaves ordinary words alone, accents and quotes included', () => {
    const words = 'Lovense Nora (2) was lost: removed from the device server — “Zoë”';
    expect(printable(words)).toBe(words);
  });
});
