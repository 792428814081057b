/** Plain words about an invitation: how long it works, and what to do when a code fails. */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function expiryWords(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left <= 0) return 'This invitation has expired.';
  if (left >= DAY) {
    // Rounded: a fresh 7-day invitation reads "7 more days", not 6 and some hours.
    const days = Math.round(left / DAY);
    return `Works for ${days} more ${days === 1 ? 'day' : 'days'}.`;
  }
  if (left >= HOUR) {
    const hours = Math.floor(left / HOUR);
    return `Works for ${hours} more ${hours === 1 ? 'hour' : 'hours'}.`;
  }
  return 'Works for less than an hour more.';
}

/** What the person holding a failed code can do next, by the server's status. */
export function invitationFailureHint(status: number): string {
  switch (status) {
    case 0:
      return 'Check that this device is on the same network as the Redline server, then try again.';
    case 400:
    case 404:
      return 'Check the link or the 6-character code with the person who sent it.';
    case 410:
      return 'If you still want to talk, ask the person who invited you to send a fresh invitation.';
    case 429:
      return 'Wait a minute before trying again.';
    default:
      return 'Try again in a moment.';
  }
}

/** The server's plain message as a sentence: "no invitation has this code" → "No invitation has this code." */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
