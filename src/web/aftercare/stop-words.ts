import type { Actor, Agreement, StopCause, StopRecord } from '../../core';
import { actorName } from '../words/names';

/** Why the scene stopped, in calm words for both partners. */
export function stopCauseWords(cause: StopCause, by: Actor, agreement: Agreement): string {
  switch (cause) {
    case 'red':
      return `${actorName(agreement, by)} called red.`;
    case 'signal':
      return 'The agreed signal was given, so the scene stopped as agreed.';
    case 'checkin-missed':
      return 'A check-in went unanswered, so the scene stopped as agreed.';
    case 'time':
      return 'The agreed time ran out.';
    case 'panel-lost':
      return "The receiver's panel went quiet (no heartbeat), so the scene stopped to be safe.";
    case 'device-lost':
      return 'A toy lost its connection, so everything stopped to be safe.';
    case 'withdrawn':
      return `${actorName(agreement, by)} withdrew consent.`;
    case 'orgasm-limit':
      return 'The agreed number of orgasms was reached.';
    case 'early-orgasm':
      return 'An orgasm came earlier than agreed, so the scene stopped as agreed.';
    case 'ended':
      return `${actorName(agreement, by)} ended the scene.`;
    case 'interrupted':
      return 'The Redline server stopped or restarted, so the scene stopped. It never resumes by itself.';
    case 'distress':
      return 'A sensor read signs of distress (a heart rate above the agreed ceiling), so the scene stopped as agreed.';
  }
}

export function stopWords(stop: StopRecord | null, agreement: Agreement): string {
  if (stop === null) return 'The scene ended before it started.';
  return stopCauseWords(stop.cause, stop.by, agreement);
}
