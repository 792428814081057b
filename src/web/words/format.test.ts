import { describe, expect, it } from 'vitest';
import {
  asSentence,
  formatAge,
  formatClock,
  formatDuration,
  formatPercent,
  formatSpan,
  formatSpanMs,
  fromPercent,
  toPercent,
} from './format';

const NBSP = '\u00a0';

describe('formatClock', () => {
  it('shows seconds alone under a minute', () => {
    expect(formatClock(0)).toBe(`0${NBSP}s`);
    expect(formatClock(45_999)).toBe(`45${NBSP}s`);
  });
  it('shows m:ss under an hour and h:mm:ss above', () => {
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });
  it('never shows a negative or broken time', () => {
    expect(formatClock(-5000)).toBe(`0${NBSP}s`);
    expect(formatClock(Number.NaN)).toBe(`0${NBSP}s`);
  });
});

describe('formatDuration', () => {
  it('formats minutes and seconds, hours when there are some', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
    expect(formatDuration(Number.NaN)).toBe('0:00');
  });
});

describe('formatSpan', () => {
  it('says spans in words', () => {
    expect(formatSpan(1)).toBe('1 second');
    expect(formatSpan(30)).toBe('30 seconds');
    expect(formatSpan(60)).toBe('1 minute');
    expect(formatSpan(90)).toBe('1 minute 30 seconds');
    expect(formatSpan(3600)).toBe('1 hour');
    expect(formatSpan(7260)).toBe('2 hours 1 minute');
  });
});

describe('percentages', () => {
  it('formats levels as whole percentages', () => {
    expect(formatPercent(0.7)).toBe(`70${NBSP}%`);
    expect(formatPercent(0.705)).toBe(`71${NBSP}%`);
  });
  it('clamps both ways', () => {
    expect(toPercent(1.5)).toBe(100);
    expect(toPercent(-1)).toBe(0);
    expect(fromPercent(150)).toBe(1);
    expect(fromPercent(-3)).toBe(0);
    expect(fromPercent(42)).toBe(0.42);
    expect(fromPercent(Number.NaN)).toBe(0);
  });
});

describe('formatAge', () => {
  it('says just now under a second', () => {
    expect(formatAge(300)).toBe('just now');
    expect(formatAge(3000)).toBe(`3${NBSP}s ago`);
  });
});

describe('formatSpanMs', () => {
  it('keeps tenths of a second for short spans', () => {
    expect(formatSpanMs(1500)).toBe('1.5 seconds');
    expect(formatSpanMs(2000)).toBe('2 seconds');
    expect(formatSpanMs(300)).toBe('0.3 seconds');
    expect(formatSpanMs(90_000)).toBe('1 minute 30 seconds');
  });
});

describe('asSentence', () => {
  it("makes the server's words a sentence", () => {
    expect(asSentence('the server is stopping')).toBe('The server is stopping.');
    expect(asSentence(' Done! ')).toBe('Done!');
    expect(asSentence('')).toBe('');
  });
});
