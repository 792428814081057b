import { FOLLOW_UP_DELAYS_MS } from '../../core/aftercare/follow-up-times';

const HOUR_MS = 60 * 60 * 1000;

function delayWords(ms: number): string {
  const hours = Math.round(ms / HOUR_MS);
  if (hours === 24) return 'a day later';
  if (hours === 48) return 'two days later';
  if (hours % 24 === 0) return `${hours / 24} days later`;
  return hours === 1 ? 'in about an hour' : `in about ${hours} hours`;
}

/** When the follow-ups come, in words: "in about 3 hours, a day later and two days later". */
export function laterWords(delays: readonly number[] = FOLLOW_UP_DELAYS_MS): string {
  const words = delays.map(delayWords);
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}
