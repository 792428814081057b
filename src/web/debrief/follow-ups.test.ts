import { describe, expect, it } from 'vitest';
import { followUpTimes } from '../../core';
import type { FollowUpsView } from '../../protocol/debrief';
import { dueCheckIns, nextDueAt, sceneDayWords } from './follow-ups';

const HOUR = 3_600_000;
const stop = new Date(2026, 10, 28, 22, 0).getTime(); // a Saturday evening, local time
const view = (answered: number[] = []): FollowUpsView => ({
  sceneId: 's1',
  stoppedAt: stop,
  followUps: followUpTimes(stop).map((dueAt) => ({
    dueAt,
    answeredAt: answered.includes(dueAt) ? dueAt + 1 : null,
    answer: null,
  })),
});

describe('follow-ups on this device', () => {
  it('nothing is due before the first, then every unanswered one that came due', () => {
    const scenes = [{ sceneId: 's1', view: view() }];
    expect(dueCheckIns(scenes, stop + HOUR)).toEqual([]);
    expect(dueCheckIns(scenes, stop + 3 * HOUR)).toEqual([
      { sceneId: 's1', stoppedAt: stop, dueAt: [stop + 3 * HOUR] },
    ]);
    expect(dueCheckIns(scenes, stop + 30 * HOUR)[0]?.dueAt).toEqual([
      stop + 3 * HOUR,
      stop + 24 * HOUR,
    ]);
    const answered = [{ sceneId: 's1', view: view([stop + 3 * HOUR]) }];
    expect(dueCheckIns(answered, stop + 4 * HOUR)).toEqual([]);
  });

  it('a scene not stopped yet has none', () => {
    expect(
      dueCheckIns(
        [{ sceneId: 's1', view: { sceneId: 's1', stoppedAt: null, followUps: [] } }],
        stop,
      ),
    ).toEqual([]);
  });

  it('knows when the next one comes', () => {
    const scenes = [{ sceneId: 's1', view: view() }];
    expect(nextDueAt(scenes, stop)).toBe(stop + 3 * HOUR);
    expect(nextDueAt(scenes, stop + 5 * HOUR)).toBe(stop + 24 * HOUR);
    expect(nextDueAt(scenes, stop + 50 * HOUR)).toBeNull();
  });

  it('names the scene by its day', () => {
    expect(sceneDayWords(stop, stop + HOUR)).toBe("today's scene");
    expect(sceneDayWords(stop, stop + 12 * HOUR)).toBe("yesterday's scene");
    expect(sceneDayWords(stop, stop + 48 * HOUR)).toBe("Saturday's scene");
    expect(sceneDayWords(stop, stop + 10 * 24 * HOUR)).toBe('the scene on 28 November');
  });
});
