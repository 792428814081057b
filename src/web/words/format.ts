/** Plain, readable numbers for every screen: clocks, spans in words, levels as percentages. */

const NBSP = '\u00a0';

const wholeSeconds = (ms: number) => Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));

/** Minutes and seconds, hours only when there are some: "0:45", "4:05", "1:02:03". */
export function formatDuration(ms: number): string {
  const total = wholeSeconds(ms);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(total % 60)}` : `${m}:${two(total % 60)}`;
}

/** A running clock: "45 s" under a minute, "1:05" under an hour, then "1:02:05". */
export function formatClock(ms: number): string {
  const total = wholeSeconds(ms);
  return total < 60 ? `${total}${NBSP}s` : formatDuration(ms);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A span in words, for the agreement: "90 seconds" reads worse than "1 minute 30 seconds". */
export function formatSpan(seconds: number): string {
  const total = Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));
  if (total < 60) return plural(total, 'second');
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [
    h > 0 ? plural(h, 'hour') : '',
    m > 0 ? plural(m, 'minute') : '',
    s > 0 ? plural(s, 'second') : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** A level (0–1) as a whole percentage: 0.705 → "71 %". */
export function formatPercent(level: number): string {
  return `${toPercent(level)}${NBSP}%`;
}

/** A level (0–1) as a whole number 0–100, clamped. */
export function toPercent(level: number): number {
  if (!Number.isFinite(level)) return 0;
  return Math.round(Math.min(1, Math.max(0, level)) * 100);
}

/** A percentage from a range input (0–100) as a level 0–1, clamped. */
export function fromPercent(percent: number): number {
  if (!Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, Math.round(percent))) / 100;
}

/** How long ago something was, in words: "just now", "3 s ago", "2:10 ago". */
export function formatAge(ms: number): string {
  if (ms < 1000) return 'just now';
  return `${formatClock(ms)} ago`;
}

/** A short span given in ms, keeping tenths under a minute: 1500 → "1.5 seconds". */
export function formatSpanMs(ms: number): string {
  const safe = Math.max(0, Number.isFinite(ms) ? ms : 0);
  if (safe >= 60_000 || safe % 1000 === 0) return formatSpan(safe / 1000);
  const seconds = Number((safe / 1000).toFixed(1));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** A message from elsewhere (the server's own words) as a sentence: capital first, full stop. */
export function asSentence(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
