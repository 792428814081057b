import type { SceneEvent } from '../../core/scene/events';
import { created, pairAgreement } from '../../../test/fixtures/agreements';
import type { SceneHistory } from './history-api';

/**
 * A short scene for two as its log would hold it: set up, started, the wand asked for 30 %,
 * heartbeats, a check-in answered green, then Sam's red at 50 s.
 */
export function sampleEvents(): SceneEvent[] {
  const events: SceneEvent[] = [created(pairAgreement, 0)];
  const beat = (at: number) => events.push({ type: 'panel.heartbeat', at, by: 'submissive' });
  beat(500);
  events.push({ type: 'scene.start', at: 1000, by: 'dominant' });
  events.push({
    type: 'intensity.requested',
    at: 2000,
    by: 'dominant',
    device: 'wand',
    feature: 'vibrate',
    value: 0.3,
  });
  for (let at = 3000; at <= 50_000; at += 1000) {
    beat(at);
    if (at === 47_000)
      events.push({ type: 'checkin.answered', at, by: 'submissive', answer: 'green' });
  }
  events.push({ type: 'safeword', at: 50_500, by: 'submissive', word: 'red' });
  return events;
}

export function sampleHistory(overrides: Partial<SceneHistory> = {}): SceneHistory {
  return {
    sceneId: 'scene-1',
    mode: 'pair',
    createdWallMs: Date.UTC(2026, 10, 29, 21, 30),
    agreementHash: 'sha256:0',
    agreement: pairAgreement,
    events: sampleEvents(),
    readings: [
      { at: 10_000, kind: 'heart-rate', value: 88 },
      { at: 10_200, kind: 'pressure', value: 1500 },
      { at: 10_400, kind: 'pressure', value: 1520 },
      { at: 20_000, kind: 'heart-rate', value: 96 },
    ],
    stopTimings: [{ at: 50_500, reachedAfterMs: 3.24 }],
    ...overrides,
  };
}
