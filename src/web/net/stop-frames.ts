import type { ClientFrameBody } from '../../protocol/frames';

/**
 * Frames that ask for a stop: red (safeword or check-in answer) or a withdrawal. Only these are
 * kept while the connection is down and sent first after the next welcome; a stop is never
 * harmful to repeat, while a late "more" or a late heartbeat would be wrong.
 */
export function isStopFrame(body: ClientFrameBody): boolean {
  if (body.type === 'safeword') return body.word === 'red';
  if (body.type === 'checkin') return body.answer === 'red';
  return body.type === 'withdraw';
}

/** One key per kind of stop, so pressing red ten times while offline sends one red. */
export function stopKey(body: ClientFrameBody): string {
  if (body.type === 'safeword') return `safeword:${body.word}`;
  if (body.type === 'checkin') return `checkin:${body.answer}`;
  return body.type;
}
