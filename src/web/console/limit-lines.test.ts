import { describe, expect, it } from 'vitest';
import { limitLines } from './limit-lines';
import { makeView } from '../test-support/view.test-support';

const NBSP = '\u00a0';

describe('limitLines', () => {
  it('lists every limit in force', () => {
    const lines = Object.fromEntries(limitLines(makeView().limits, 0).map((l) => [l.id, l.value]));
    expect(lines).toEqual({
      'warm-up': `30${NBSP}%`,
      play: `70${NBSP}%`,
      'post-orgasm': `50${NBSP}%`,
      'output-vibrate': `80${NBSP}%`,
      ramp: '20 seconds',
      'post-orgasm-time': '1 minute 30 seconds',
      orgasms: '0 / 2',
    });
  });
});
