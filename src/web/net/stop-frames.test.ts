import { describe, expect, it } from 'vitest';
import type { ClientFrameBody } from '../../protocol/frames';
import { isStopFrame, stopKey } from './stop-frames';

describe('stop frames (queued while offline)', () => {
  const stops: ClientFrameBody[] = [
    { type: 'safeword', word: 'red' },
    { type: 'checkin', answer: 'red' },
    { type: 'withdraw' },
  ];
  const others: ClientFrameBody[] = [
    { type: 'safeword', word: 'yellow' },
    { type: 'checkin', answer: 'yellow' },
    { type: 'checkin', answer: 'green' },
    { type: 'heartbeat' },
    { type: 'signal', action: 'released' },
    { type: 'signal', action: 'tapped' },
    { type: 'stop.test' },
    { type: 'end' },
    { type: 'intensity', device: 'd', feature: 'f', value: 0.2 },
    { type: 'start' },
  ];

  it.each(stops)('queues $type', (body) => {
    expect(isStopFrame(body)).toBe(true);
  });

  it.each(others)('drops $type', (body) => {
    expect(isStopFrame(body)).toBe(false);
  });

  it('keys each kind of stop apart', () => {
    expect(new Set(stops.map(stopKey)).size).toBe(3);
  });
});
